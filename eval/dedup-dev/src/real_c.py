# ruff: noqa: E501  (article texts are one line per paragraph)
"""Real multi-outlet stories, part C: Thailand-Cambodia border clashes (2025): the same two
countries accusing each other on three different dates. Same rules as part A."""

ARTICLES = [
    # R11: brief exchange of fire, one Cambodian soldier killed, Wednesday 28 May 2025
    dict(id="r52", story="R11", outlet="AJC (AP)", language="en",
         url="https://www.ajc.com/news/2025/05/one-killed-after-thai-and-cambodian-soldiers-briefly-clash-in-a-disputed-border-area/",
         published="2025-05-28T08:00:00Z",
         title="Thai and Cambodian soldiers clash briefly at disputed border, killing 1",
         text=(
             "BANGKOK (AP) — A Cambodian soldier was killed on Wednesday when Thai and Cambodian troops briefly exchanged fire in a disputed border area, officials said.\n\n"
             "Cambodian army spokesperson Mao Phalla blamed Thailand, saying Cambodian troops were on a routine patrol when the Thai side opened fire.\n\n"
             "The Thai army said Cambodian soldiers entered a disputed area and, after a misunderstanding, opened fire on Thai troops who had come to negotiate, and the Thai soldiers fired back. The clash lasted about ten minutes until local commanders agreed to stop.\n\n"
             "The two army chiefs were to meet on Thursday."
         ),
         events=[("RE25", "ASSAULT", "Thailand", "Cambodia", "A Cambodian soldier was killed on Wednesday", "2025-05-28"),
                 ("RE26", "ACCUSE", "Cambodia", "Thailand", "Mao Phalla blamed Thailand", "2025-05-28")]),
    dict(id="r53", story="R11", outlet="Shine (AFP)", language="en",
         url="https://www.shine.cn/news/world/2505284513",
         published="2025-05-28T10:30:00Z",
         title="Cambodian soldier killed in clash with Thai army at disputed border",
         text=(
             "A Cambodian soldier was killed on Wednesday in an exchange of gunfire with the Thai army at the border, a Cambodian army spokesman said, a rare death on the sensitive frontier.\n\n"
             "'One of our soldiers died during the fight, and there were some injuries,' said Mao Phalla, who accused Thai troops of attacking Cambodian soldiers on patrol in Preah Vihear province. 'The Thais came to attack us.'\n\n"
             "The Royal Thai Army said the Cambodians fired first near Ubon Ratchathani province and that its soldiers returned fire for about ten minutes before the Cambodian side asked for a ceasefire."
         ),
         events=[("RE25", "ASSAULT", "Thailand", "Cambodia", "A Cambodian soldier was killed on Wednesday in an exchange of gunfire", "2025-05-28"),
                 ("RE26", "ACCUSE", "Cambodia", "Thailand", "accused Thai troops of attacking Cambodian soldiers", "2025-05-28")]),
    dict(id="r54", story="R11", outlet="The Straits Times", language="en",
         url="https://www.straitstimes.com/asia/se-asia/thai-cambodian-soldiers-exchange-fire-at-disputed-border-area",
         published="2025-05-28T09:00:00Z",
         title="Thai, Cambodian soldiers exchange fire at disputed border area",
         text=(
             "BANGKOK – Thai and Cambodian soldiers exchanged fire at a disputed border area early on May 28, and the two sides then held talks to end the stand-off.\n\n"
             "Thailand accused Cambodian soldiers of entering the disputed area in breach of an agreement and shooting at its troops when confronted. Thai troops returned fire.\n\n"
             "Cambodian army spokesman Mao Phalla said one Cambodian soldier was killed. Thai Defence Minister Phumtham Wechayachai said a misunderstanding had set off the firing."
         ),
         events=[("RE27", "ACCUSE", "Thailand", "Cambodia", "Thailand accused Cambodian soldiers of entering the disputed area", "2025-05-28")]),
    dict(id="r55", story="R11", outlet="PopReveal", language="en",
         url="https://popreveal.com/cambodian-soldier-killed-in-border-clash-with-thailand",
         published="2025-05-28T14:00:00Z",
         title="Cambodian soldier killed in border clash with Thailand",
         text=(
             "A Cambodian soldier was killed early on Wednesday after a short exchange of gunfire with Thai soldiers in a disputed area between Cambodia's Preah Vihear province and Thailand's Ubon Ratchathani province.\n\n"
             "Cambodia's defence ministry accused the Thai army of opening fire first on a trench long used as a Cambodian base.\n\n"
             "Thai army spokesman Maj. Gen. Winthai Suvaree said Thai troops were trying to persuade the Cambodians to leave a disputed position when they came under fire, and that they retaliated. There were no Thai casualties."
         ),
         events=[("RE25", "ASSAULT", "Thailand", "Cambodia", "A Cambodian soldier was killed early on Wednesday", "2025-05-28"),
                 ("RE26", "ACCUSE", "Cambodia", "Thailand", "accused the Thai army of opening fire first", "2025-05-28")]),

    # R12: fighting with artillery, rockets and F-16 strikes, Thursday 24 July 2025
    dict(id="r56", story="R12", outlet="Saudi Gazette", language="en",
         url="https://cdn.saudigazette.com.sa/article/653650",
         published="2025-07-24T13:00:00Z",
         title="At least 12 killed as Thailand and Cambodia clash at border",
         text=(
             "BANGKOK — At least 12 people have been killed since fighting broke out on the border between Thailand and Cambodia on Thursday morning, Thai authorities said, and each country accused the other of shooting first.\n\n"
             "The Thai army said six armed Cambodian soldiers opened fire near one of its posts close to the Ta Muen Thom temple; most of the dead are civilians in Sisaket, Surin and Ubon Ratchathani provinces. Cambodia said Thai jets dropped bombs on a road near the Preah Vihear temple.\n\n"
             "Cambodia's foreign ministry condemned what it called a reckless and hostile act by Thailand. Cambodia expelled the Thai ambassador, and Thailand sealed all land crossings."
         ),
         events=[("RE28", "ASSAULT", "Cambodia", "Thailand", "six armed Cambodian soldiers opened fire", "2025-07-24"),
                 ("RE29", "ASSAULT", "Thailand", "Cambodia", "Thai jets dropped bombs on a road", "2025-07-24"),
                 ("RE30", "ACCUSE", "Cambodia", "Thailand", "condemned what it called a reckless and hostile act by Thailand", "2025-07-24")]),
    dict(id="r57", story="R12", outlet="La Página", language="es",
         url="https://lapagina.com.sv/internacionales/tailandia-y-camboya-intercambian-fuego-en-una-zona-fronteriza-disputada-y-reportan-al-menos-12-muertos",
         published="2025-07-24T16:00:00Z",
         title="Tailandia y Camboya intercambian fuego en la frontera: al menos 12 muertos",
         text=(
             "Los ejércitos de Tailandia y Camboya se enfrentaron este jueves en una zona fronteriza en disputa, con al menos 12 muertos entre soldados y civiles y decenas de heridos.\n\n"
             "Las tropas tailandesas afirmaron que soldados camboyanos con lanzacohetes abrieron fuego cerca de una base en la provincia de Surin, y Bangkok respondió con ataques aéreos de cazas F-16 contra objetivos militares camboyanos.\n\n"
             "Camboya acusa a Tailandia de haber iniciado la ofensiva y asegura que sus fuerzas actuaron en legítima defensa."
         ),
         events=[("RE29", "ASSAULT", "Thailand", "Cambodia", "ataques aéreos de cazas F-16 contra objetivos militares camboyanos", "2025-07-24"),
                 ("RE30", "ACCUSE", "Cambodia", "Thailand", "Camboya acusa a Tailandia de haber iniciado la ofensiva", "2025-07-24")]),
    dict(id="r58", story="R12", outlet="Escenario Mundial", language="es",
         url="https://www.escenariomundial.com/2025/07/24/la-fuerza-aerea-real-tailandesa-lanza-ataques-aereos-con-cazas-f-16-en-camboya-y-crece-el-conflicto-por-la-frontera",
         published="2025-07-24T18:00:00Z",
         title="Cazas F-16 tailandeses bombardean objetivos en Camboya",
         text=(
             "Un caza F-16 de la Fuerza Aérea Real Tailandesa bombardeó este jueves 24 de julio objetivos militares en territorio camboyano, en una fuerte escalada del conflicto fronterizo que ya deja al menos 12 muertos, 11 de ellos civiles.\n\n"
             "Según el ejército tailandés, seis aviones fueron desplegados en respuesta a disparos de artillería camboyana sobre varias provincias fronterizas. Bangkok cerró la frontera y evacuó a más de 40.000 personas.\n\n"
             "El Ministerio de Defensa camboyano denunció que los cazas arrojaron dos bombas sobre una carretera y calificó la operación de agresión militar brutal contra su soberanía."
         ),
         events=[("RE29", "ASSAULT", "Thailand", "Cambodia", "bombardeó este jueves 24 de julio objetivos militares en territorio camboyano", "2025-07-24"),
                 ("RE30", "ACCUSE", "Cambodia", "Thailand", "calificó la operación de agresión militar brutal", "2025-07-24")]),
    dict(id="r59", story="R12", outlet="Noticias Data", language="es",
         url="https://noticiasdata.com.ar/video-escalada-en-el-conflicto-entre-tailandia-y-camboya-deja-al-menos-12-muertos",
         published="2025-07-25T02:00:00Z",
         title="Escalada entre Tailandia y Camboya deja al menos 12 muertos",
         text=(
             "Los ejércitos de Tailandia y Camboya combatieron este jueves en la frontera y dejaron al menos doce muertos y decenas de heridos.\n\n"
             "Según Tailandia, un cohete alcanzó una tienda en Ban Nam Yen y tropas camboyanas dispararon cohetes BM-21 contra una zona civil de la provincia de Surin. El Ministerio de Defensa de Camboya dijo que un F-16 tailandés lanzó dos bombas sobre una ruta cerca del templo de Preah Vihear.\n\n"
             "Ambos países se acusan mutuamente de haber empezado el ataque."
         ),
         events=[("RE28", "ASSAULT", "Cambodia", "Thailand", "tropas camboyanas dispararon cohetes BM-21", "2025-07-24"),
                 ("RE29", "ASSAULT", "Thailand", "Cambodia", "un F-16 tailandés lanzó dos bombas sobre una ruta", "2025-07-24")]),

    # R13: renewed fighting and Thai air strikes, 7-8 December 2025
    dict(id="r60", story="R13", outlet="Nation Thailand", language="en",
         url="https://www.nationthailand.com/news/general/40059371",
         published="2025-12-07T15:00:00Z",
         title="Thai army accuses Cambodia of border aggression",
         text=(
             "The Royal Thai Army has accused Cambodia of aggression on the border, saying Cambodian troops opened fire on Thai soldiers at about 2.15pm on December 7 in Kantharalak district of Si Sa Ket province, wounding two.\n\n"
             "Army spokesperson Maj Gen Winthai Suvaree said the soldiers were guarding an engineering unit improving a road on Thai territory. Thai forces returned fire and the clash lasted 15 to 20 minutes.\n\n"
             "The army said its response followed international rules of self-defence."
         ),
         events=[("RE31", "ACCUSE", "Thailand", "Cambodia", "has accused Cambodia of aggression on the border", "2025-12-07"),
                 ("RE32", "ASSAULT", "Cambodia", "Thailand", "Cambodian troops opened fire on Thai soldiers", "2025-12-07")]),
    dict(id="r61", story="R13", outlet="Escenario Mundial", language="es",
         url="https://www.escenariomundial.com/2025/12/08/cazas-f-16-de-tailandia-atacan-posiciones-camboyanas-tras-un-nuevo-episodio-de-violencia-en-la-frontera",
         published="2025-12-08T12:00:00Z",
         title="Cazas F-16 de Tailandia atacan posiciones camboyanas",
         text=(
             "Los F-16 de la Real Fuerza Aérea de Tailandia realizaron al menos ocho ataques aéreos contra posiciones del ejército camboyano en la frontera, según las autoridades tailandesas, en una escalada que pone en riesgo el frágil alto el fuego.\n\n"
             "Bangkok afirma que respondió al fuego de ametralladoras y armas pesadas desde Camboya, que dejó dos soldados tailandeses muertos y ocho heridos.\n\n"
             "El Ministerio de Defensa de Camboya denunció bombardeos, artillería y asaltos blindados, y aseguró que sus tropas no han respondido."
         ),
         events=[("RE33", "ASSAULT", "Thailand", "Cambodia", "realizaron al menos ocho ataques aéreos contra posiciones del ejército camboyano", "2025-12-08"),
                 ("RE32", "ASSAULT", "Cambodia", "Thailand", "al fuego de ametralladoras y armas pesadas desde Camboya", "2025-12-07")]),
]
