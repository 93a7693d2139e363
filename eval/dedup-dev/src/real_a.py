# ruff: noqa: E501  (article texts are one line per paragraph)
"""Real multi-outlet stories, part A: Houthi attacks on shipping (2024-2025).

Each article is a rewrite in our own words of a public news report (URL in ``url``): same
facts, actors, places, dates and attribution; no sentence copied. ``events``: the gold
event mentions (event id, PLOVER type, source, target, evidence substring, event date).
"""

ARTICLES = [
    # R1: the Tutor, struck by a Houthi drone boat off Hodeidah on Wednesday 12 June 2024
    dict(id="r01", story="R1", outlet="BBC News", language="en",
         url="http://oneoc.com/news/world/houthis-claim-attack-on-merchant-ship-in-red-sea/ar-BB1o7if4",
         published="2024-06-12T15:40:00Z",
         title="Houthis say they attacked a merchant ship in the Red Sea",
         text=(
             "Yemen's Houthi rebels have said they carried out an attack on a merchant vessel in the Red Sea off the Yemeni coast.\n\n"
             "A Houthi spokesman said the group struck a Liberian-flagged ship called the Tutor with a sea drone.\n\n"
             "The UK Maritime Trade Operations office, run by the Royal Navy, said it had a report on Wednesday of a ship hit at the stern some 66 nautical miles south-west of Hodeidah, the rebel-held port. The ship was taking on water and the crew had lost control of it, UKMTO said, adding that no casualties had been reported. It said the ship was later struck a second time by an airborne projectile of unknown type.\n\n"
             "The Houthi military spokesman said the ship had been hit with an unmanned surface boat, drones and ballistic missiles and was badly damaged and at risk of sinking. He said it was targeted because its owner had broken the group's ban on entering the ports of occupied Palestine.\n\n"
             "Reuters said the vessel was a Greek-owned cargo ship. The Houthis, who describe themselves as part of an Iran-led axis of resistance, have attacked ships they say are linked to Israel since November, in what they call support for the Palestinians in Gaza."
         ),
         events=[("RE1", "ASSAULT", "Houthis", None, "carried out an attack on a merchant vessel", "2024-06-12")]),
    dict(id="r02", story="R1", outlet="MSN", language="en",
         url="https://chrismagicbarber.ca/2024/trend/hsuses/Am18312KIN198738773GAN",
         published="2024-06-12T18:05:00Z",
         title="Houthis claim attack on merchant ship in Red Sea",
         text=(
             "Yemen's Houthi rebels have claimed responsibility for an attack on a merchant vessel in the Red Sea off the Yemeni coast.\n\n"
             "A Houthi spokesman said the group struck a Liberian-flagged ship called the Tutor with a sea drone.\n\n"
             "The UK Maritime Trade Operations office, run by the Royal Navy, said it had a report on Wednesday of a ship hit at the stern some 66 nautical miles south-west of Hodeidah, the rebel-held port. The ship was taking on water and the crew had lost control of it, UKMTO said, adding that no casualties had been reported. It said the ship was later struck a second time by an airborne projectile of unknown type.\n\n"
             "The Houthi military spokesman said the ship had been hit with an unmanned surface boat, drones and ballistic missiles and was badly damaged and at risk of sinking. He said it was targeted because its owner had broken the group's ban on entering the ports of occupied Palestine.\n\n"
             "Reuters said the vessel was a Greek-owned cargo ship. The Houthis, who describe themselves as part of an Iran-led axis of resistance, have attacked ships they say are linked to Israel since November, in what they call support for the Palestinians in Gaza."
         ),
         events=[("RE1", "ASSAULT", "Houthis", None, "claimed responsibility for an attack on a merchant vessel", "2024-06-12")]),
    dict(id="r03", story="R1", outlet="Prothom Alo (AFP)", language="en",
         url="https://en.prothomalo.com/international/middle-east/wnchw2a2rc",
         published="2024-06-12T20:10:00Z",
         title="Huthis claim strike on cargo ship off Yemen",
         text=(
             "Yemen's Iran-backed Huthi rebels on Wednesday claimed an attack on a merchant vessel in the Red Sea, the latest in a campaign they present as solidarity with the Palestinians.\n\n"
             "In a statement, the rebels said they had hit the Tutor with a naval drone, aerial drones and ballistic missiles. Maritime security firm Ambrey said earlier that the ship was struck about 68 nautical miles (126 kilometres) south-west of Hodeida.\n\n"
             "Britain's UKMTO agency said the vessel had been hit on the stern by a small craft, was taking on water and was no longer under the crew's command.\n\n"
             "US Central Command said later that a Huthi unmanned surface vessel had struck the Tutor, flooding the engine room. CENTCOM said it had destroyed three anti-ship missile launchers and a drone in the past day."
         ),
         events=[("RE1", "ASSAULT", "Houthis", None, "claimed an attack on a merchant vessel in the Red Sea", "2024-06-12"),
                 ("RE2", "ASSAULT", "United States", "Houthis", "destroyed three anti-ship missile launchers", "2024-06-12")]),
    dict(id="r04", story="R1", outlet="Britain Herald", language="en",
         url="https://britainherald.com/houthi-rebels-claim-attack-on-greek-owned-ship",
         published="2024-06-13T07:30:00Z",
         title="Houthi rebels admit attack that left Greek-owned ship taking on water",
         text=(
             "Yemen's Houthi rebels have admitted to an attack with a boat and missiles that left a Greek-owned cargo ship in need of rescue after it took on water near the Red Sea port of Hodeidah.\n\n"
             "There were no early reports of casualties after Wednesday's attack on the coal carrier. The Houthis said the Tutor was badly damaged and in danger of sinking after being hit by an unmanned surface boat, drones and ballistic missiles.\n\n"
             "Ambrey, a maritime security company, said the ship was hit roughly 68 nautical miles south-west of Hodeidah. US Central Command said the impact of the drone boat caused severe flooding in the engine room. It was the first time the Houthis had used a boat as a weapon.\n\n"
             "The Liberian-flagged Tutor was taking on water and was not under the crew's control, the UK Maritime Trade Operations centre said."
         ),
         events=[("RE1", "ASSAULT", "Houthis", None, "admitted to an attack with a boat and missiles", "2024-06-12")]),
    dict(id="r05", story="R1", outlet="Rossiyskaya Gazeta", language="ru",
         url="https://rg.ru/2024/06/13/v-ansar-allah-zaiavili-ob-atake-husitov-na-sudno-tutor-v-krasnom-more.html",
         published="2024-06-12T23:52:00Z",
         title="Хуситы заявили, что атакованное ими судно Tutor может затонуть",
         text=(
             "Йеменское движение «Ансар Аллах» (хуситы) заявило об атаке на торговое судно Tutor в Красном море. Об этом сообщил в эфире телеканала Al Masirah военный представитель движения Яхья Сариа.\n\n"
             "По его словам, в операции использовались безэкипажный катер, несколько беспилотников и баллистические ракеты. «Судно серьёзно повреждено и может пойти ко дну», — приводит его слова ТАСС.\n\n"
             "Сариа утверждает, что компания-владелец судна нарушила запрет на заход в порты оккупированной Палестины. Безэкипажный катер хуситы, по их словам, применили впервые; обычно они атакуют суда ракетами и дронами."
         ),
         events=[("RE1", "ASSAULT", "Houthis", None, "заявило об атаке на торговое судно Tutor", "2024-06-12")]),
    dict(id="r06", story="R1", outlet="Infosrk", language="id",
         url="https://infosrk.club/kelompok-houthi-klaim-serangan-terhadap-kapal-dagang-di-laut-merah",
         published="2024-06-13T03:15:00Z",
         title="Houthi klaim serangan terhadap kapal dagang di Laut Merah",
         text=(
             "Kelompok Houthi di Yaman mengaku telah menyerang sebuah kapal dagang di Laut Merah di lepas pantai Yaman.\n\n"
             "Juru bicara Houthi menyebut kapal berbendera Liberia bernama Tutor itu dihantam dengan drone laut. Badan UKMTO milik Angkatan Laut Inggris menerima laporan pada hari Rabu bahwa sebuah kapal terkena serangan di bagian buritan, sekitar 66 mil laut barat daya Hodeida.\n\n"
             "Menurut UKMTO, air masuk ke kapal dan awak tidak lagi dapat mengendalikannya, tetapi tidak ada korban. Juru bicara militer Houthi mengatakan kapal itu rusak parah dan bisa tenggelam, karena pemiliknya melanggar larangan masuk ke pelabuhan Palestina yang diduduki.\n\n"
             "Reuters melaporkan bahwa kapal itu milik perusahaan Yunani."
         ),
         events=[("RE1", "ASSAULT", "Houthis", None, "telah menyerang sebuah kapal dagang di Laut Merah", "2024-06-12")]),

    # R2: the Verbena, hit by two cruise missiles in the Gulf of Aden on Thursday 13 June 2024
    dict(id="r07", story="R2", outlet="Al Jazeera", language="en",
         url="https://www.aljazeera.com/news/2024/6/14/one-sailor-injured-merchant-ship-on-fire-after-houthi-missile-attack",
         published="2024-06-14T05:20:00Z",
         title="Sailor badly hurt as Houthi missiles set cargo ship alight",
         text=(
             "Two cruise missiles fired by Yemen's Houthi rebels have hit a bulk carrier in the Gulf of Aden, leaving one crew member badly injured.\n\n"
             "The Verbena, which flies the flag of Palau, is owned by a Ukrainian company and operated from Poland, reported damage and fires on board that the crew was still fighting, US Central Command said on Thursday. Helicopters from the USS Philippine Sea flew the injured sailor to a nearby partner ship for treatment, it said.\n\n"
             "The Houthis later said they had attacked three ships in 24 hours, including the Verbena, in retaliation for what they called crimes against the people of Gaza and for US and British strikes on Yemen.\n\n"
             "The ship was carrying timber to Italy."
         ),
         events=[("RE3", "ASSAULT", "Houthis", None, "Two cruise missiles fired by Yemen's Houthi rebels have hit a bulk carrier", "2024-06-13")]),
    dict(id="r08", story="R2", outlet="Devdiscourse (Reuters)", language="en",
         url="https://www.devdiscourse.com/article/business/2982210-mariner-injured-by-houthi-missile-attack-in-gulf-of-aden",
         published="2024-06-13T22:40:00Z",
         title="Mariner hurt as Houthi missiles strike Ukrainian-owned ship",
         text=(
             "A seafarer was seriously injured on Thursday when two anti-ship cruise missiles launched by Yemen's Houthis struck a Ukrainian-owned ship in the Gulf of Aden, the US military said.\n\n"
             "The bulk carrier M/V Verbena was damaged and fires broke out on board, which the crew was still trying to put out, US Central Command said in a post on X. The injured mariner was evacuated from the vessel.\n\n"
             "The Houthis have targeted shipping for months in what they say is solidarity with the Palestinians."
         ),
         events=[("RE3", "ASSAULT", "Houthis", None, "missiles launched by Yemen's Houthis struck a Ukrainian-owned ship", "2024-06-13")]),
    dict(id="r09", story="R2", outlet="Tsargrad", language="ru",
         url="https://dzen.ru/a/ZmvWO4NlOGbMhESf",
         published="2024-06-14T06:00:00Z",
         title="Хуситы ударили ракетами по украинскому сухогрузу Verbena",
         text=(
             "Хуситы выпустили две противокорабельные крылатые ракеты по грузовому судну Verbena в Аденском заливе, сообщило 13 июня Центральное командование ВС США.\n\n"
             "Судно принадлежит украинской компании, ходит под флагом Палау и управляется польским оператором. После попадания на борту начался пожар, корабль получил серьёзные повреждения.\n\n"
             "Один член экипажа был ранен; его эвакуировали на американский крейсер USS Philippine Sea. Сухогруз шёл в Венецию с грузом древесины."
         ),
         events=[("RE3", "ASSAULT", "Houthis", None, "выпустили две противокорабельные крылатые ракеты по грузовому судну Verbena", "2024-06-13")]),
    dict(id="r10", story="R2", outlet="The Uncut", language="en",
         url="https://theuncut.in/houthi-rebels-fired-two-cruise-missiles-and-attacked-a-ship-in-the-gulf-of-aden-us/",
         published="2024-06-14T09:10:00Z",
         title="Houthis fire two cruise missiles at ship in Gulf of Aden, US says",
         text=(
             "Dubai. Iran-backed Houthi rebels fired two anti-ship cruise missiles at a commercial vessel in the Gulf of Aden on Thursday, setting it ablaze and badly wounding one person, the United States said.\n\n"
             "US Central Command said the M/V Verbena was still burning and that a US helicopter had taken the injured crew member to another ship for treatment. The Polish-operated ship was sailing from Malaysia to Italy with a cargo of wood.\n\n"
             "Britain's maritime trade agency also said a ship had been attacked and had caught fire, and the security firm Ambrey said a cargo vessel reported being hit by a missile."
         ),
         events=[("RE3", "ASSAULT", "Houthis", None, "fired two anti-ship cruise missiles at a commercial vessel", "2024-06-13")]),
]

ARTICLES += [
    # R3: the Transworld Navigator, hit by an aerial drone off Hodeidah on Sunday 23 June 2024
    dict(id="r11", story="R3", outlet="KESQ (AP)", language="en",
         url="https://kesq.com/news/2024/06/22/aerial-drone-likely-launched-by-yemens-houthi-rebels-hits-ship-in-the-red-sea/",
         published="2024-06-23T09:30:00Z",
         title="Drone likely launched by Houthi rebels hits ship in Red Sea",
         text=(
             "DUBAI, United Arab Emirates (AP) — A drone probably launched by Yemen's Houthi rebels struck and damaged a ship in the Red Sea around dawn on Sunday off the rebel-held port of Hodeida, the British military's UK Maritime Trade Operations centre said.\n\n"
             "The private security firm Ambrey said the vessel was a Liberia-flagged container ship heading for China.\n\n"
             "The attack came as the United States sent the aircraft carrier USS Dwight D. Eisenhower home after an eight-month deployment leading the American response to the Houthi campaign."
         ),
         events=[("RE4", "ASSAULT", "Houthis", None, "A drone probably launched by Yemen's Houthi rebels struck and damaged a ship", "2024-06-23")]),
    dict(id="r12", story="R3", outlet="Outlook India (AP)", language="en",
         url="https://outlookindia.com/international/aerial-drone-launched-by-yemens-houthi-rebels-hits-ship-in-the-red-sea-causing-damage-and-injuries",
         published="2024-06-24T04:00:00Z",
         title="Houthi drone hits bulk carrier in Red Sea, several sailors slightly hurt",
         text=(
             "A drone launched by Yemen's Houthi rebels hit and damaged a vessel in the Red Sea on Sunday, officials said, in the group's latest strike on the shipping lane.\n\n"
             "The attack took place around dawn off Hodeida, according to the UK Maritime Trade Operations centre, which said the sailors on board were safe and that an investigation was under way.\n\n"
             "Hours later the Houthi military spokesman, Brig. Gen. Yahya Saree, claimed the attack and named the ship as the Transworld Navigator, saying without evidence that a drone boat had been used. US Central Command gave the same name and said several mariners suffered minor injuries. The Liberian-flagged, Greek-owned bulk carrier had last docked in Malaysia and was bound for Egypt, it said, adding that this was the fourth Houthi attack on the ship.\n\n"
             "The attack came as the USS Dwight D. Eisenhower headed home after eight months leading the US response to the Houthis."
         ),
         events=[("RE4", "ASSAULT", "Houthis", None, "A drone launched by Yemen's Houthi rebels hit and damaged a vessel", "2024-06-23")]),
    dict(id="r13", story="R3", outlet="La Voz (AP)", language="es",
         url="https://lavoz.com.ar/noticias/agencias/un-dron-lanzado-probablemente-por-huties-de-yemen-golpea-un-barco-en-el-mar-rojo",
         published="2024-06-23T19:00:00Z",
         title="Un dron probablemente lanzado por los hutíes alcanza un barco en el mar Rojo",
         text=(
             "DUBÁI, Emiratos Árabes Unidos (AP) — Un dron aéreo que probablemente lanzaron los rebeldes hutíes de Yemen impactó el domingo contra un barco en el mar Rojo y le causó daños, según las autoridades.\n\n"
             "El ataque ocurrió hacia el amanecer frente a la ciudad portuaria de Hodeida, en manos de los rebeldes, indicó la agencia británica de Operaciones de Comercio Marítimo, que informó que los marinos estaban a salvo y que se investigaba el alcance de los daños.\n\n"
             "La empresa de seguridad Ambrey identificó la nave como un portacontenedores con bandera de Liberia que se dirigía a Qingdao, en China. Los hutíes no se atribuyeron el ataque de inmediato.\n\n"
             "El ataque se produjo cuando Estados Unidos ha enviado de regreso a casa al portaaviones USS Dwight D. Eisenhower tras ocho meses de despliegue."
         ),
         events=[("RE4", "ASSAULT", "Houthis", None, "impactó el domingo contra un barco en el mar Rojo", "2024-06-23")]),
    dict(id="r14", story="R3", outlet="Yahoo Noticias (AP)", language="es",
         url="https://es-us.noticias.yahoo.com/hut%C3%ADes-alcanzan-barco-dron-mar-091037676.html",
         published="2024-06-23T21:30:00Z",
         title="Los hutíes alcanzan otro barco con un dron en el mar Rojo",
         text=(
             "DUBÁI (AP) — Un dron aéreo, lanzado probablemente por los rebeldes hutíes de Yemen, impactó el domingo contra un barco en el mar Rojo y le causó daños, según las autoridades.\n\n"
             "El ataque ocurrió hacia el amanecer frente a la ciudad portuaria de Hodeida, en manos de los rebeldes, indicó la agencia británica de Operaciones de Comercio Marítimo, que informó que los marinos estaban a salvo y que se investigaba el alcance de los daños.\n\n"
             "La empresa de seguridad Ambrey identificó la nave como un portacontenedores con bandera de Liberia que se dirigía a Qingdao, en China. Los hutíes no se atribuyeron el ataque de inmediato.\n\n"
             "El ataque se produjo cuando Estados Unidos ha enviado de regreso a casa al portaaviones USS Dwight D. Eisenhower tras ocho meses de despliegue."
         ),
         events=[("RE4", "ASSAULT", "Houthis", None, "impactó el domingo contra un barco en el mar Rojo", "2024-06-23")]),

    # R4: the Seajoy, hit by a waterborne explosive device on Thursday 27 June 2024
    dict(id="r15", story="R4", outlet="The Maritime Executive", language="en",
         url="https://maritime-executive.com/article/houthis-hit-another-merchant-ship-with-a-bomb-boat",
         published="2024-06-27T12:58:00Z",
         title="Houthis hit another merchant ship with a bomb boat",
         text=(
             "Another merchant ship has been struck by one or more Houthi explosive drone boats in the Red Sea, according to the Royal Navy's UK Maritime Trade Operations office and several maritime security consultancies.\n\n"
             "UKMTO said a vessel transiting the Red Sea was hit by a waterborne improvised explosive device at 0645 GMT on Thursday, about 80 nautical miles south-west of Hodeidah. The ship and crew were safe and the vessel was continuing to its next port. Western forces are investigating.\n\n"
             "Houthi spokesman Yahya Saree named the target as the Seajoy, a Greek-owned, Malta-flagged Panamax bulker, and said missiles, drones and an uncrewed surface boat scored a direct hit because the ship had called at an Israeli port. Tracking data show no Israeli port call by the Seajoy in the past year.\n\n"
             "A similar boat disguised as a fishing craft sank the bulker Tutor earlier this month, killing one seafarer."
         ),
         events=[("RE5", "ASSAULT", "Houthis", None, "struck by one or more Houthi explosive drone boats", "2024-06-27")]),
    dict(id="r16", story="R4", outlet="Nautical Voice", language="en",
         url="https://nauticalvoice.com/houthis-hit-another-merchant-ship-with-a-bomb-boat/10641/",
         published="2024-06-27T17:20:00Z",
         title="Houthis hit another merchant ship with a bomb boat",
         text=(
             "Another merchant vessel has been struck by one or more Houthi explosive drone boats in the Red Sea, according to the Royal Navy's UK Maritime Trade Operations office and several maritime security consultancies.\n\n"
             "UKMTO said a vessel transiting the Red Sea was hit by a waterborne improvised explosive device at 0645 GMT on Thursday, about 80 nautical miles south-west of Hodeidah. The ship and crew were safe and the vessel was continuing to its next port. Western forces are investigating.\n\n"
             "Houthi spokesman Yahya Saree named the target as the Seajoy, a Greek-owned, Malta-flagged Panamax bulker, and said missiles, drones and an uncrewed surface boat scored a direct hit because the ship had called at an Israeli port. Tracking data show no Israeli port call by the Seajoy in the past year."
         ),
         events=[("RE5", "ASSAULT", "Houthis", None, "struck by one or more Houthi explosive drone boats", "2024-06-27")]),
    dict(id="r17", story="R4", outlet="Ru24 (AP)", language="en",
         url="https://ru24.pro/english/382177538",
         published="2024-06-28T01:40:00Z",
         title="Houthi rebels use drone boat in latest Red Sea assault",
         text=(
             "DUBAI, United Arab Emirates — A ship sailing through the Red Sea on Thursday reported being hit in an attack by Yemen's Houthi rebels, authorities said.\n\n"
             "The vessel sent a radio call off the rebel-held port city of Hodeida saying it had been struck, the private security firm Ambrey said, and a warship in the area responded. The British military's UKMTO centre later said the attack involved a waterborne improvised explosive device and that the ship and crew were safe.\n\n"
             "In a prerecorded message on Thursday night, Houthi military spokesman Brig. Gen. Yahya Saree said the rebels had used a drone boat and named the ship as the Seajoy, a Malta-flagged bulk carrier.\n\n"
             "Earlier in the week Saree claimed an attack on Monday on the container ship MSC Sarah V."
         ),
         events=[("RE5", "ASSAULT", "Houthis", None, "reported being hit in an attack by Yemen's Houthi rebels", "2024-06-27")]),
    dict(id="r18", story="R4", outlet="Crew Mirror", language="en",
         url="https://crewmirror.com/news/houthis-attack-on-merchant-vessel-with-drone-boat-crew-safe",
         published="2024-06-28T08:00:00Z",
         title="Houthi drone boat hits merchant vessel; crew safe",
         text=(
             "Houthi suicide drones targeted another commercial ship in the Red Sea, the UK Maritime Trade Operations office and maritime security consultancies reported.\n\n"
             "The attack happened 80 nautical miles south-west of Hodeidah in Yemen, an area where the Houthis are active. The crew and the ship are safe and the vessel is heading to its next port while Western forces look into the incident.\n\n"
             "The Houthi spokesman claimed responsibility, saying the Greek-owned, Malta-flagged bulker Seajoy was targeted over an alleged visit to an Israeli port."
         ),
         events=[("RE5", "ASSAULT", "Houthis", None, "Houthi suicide drones targeted another commercial ship", "2024-06-27")]),

    # R5: the Star Iris, hit by two missiles in the southern Red Sea on Monday 12 February 2024
    dict(id="r19", story="R5", outlet="MarketBeat (Reuters)", language="en",
         url="https://marketbeatnow.com/yemens-houthis-attack-cargo-ship-en-route-to-iran-causing-minor-damage",
         published="2024-02-12T14:10:00Z",
         title="Yemen's Houthis hit Iran-bound cargo ship, minor damage",
         text=(
             "DUBAI/LONDON (Reuters) - Yemen's Iran-aligned Houthis fired two missiles at a cargo ship bound for Iran in the Red Sea on Monday, causing minor damage but no injuries, US military officials said.\n\n"
             "Shipping sources said it was the first time the Houthis had targeted a ship heading for Iran since they began attacking shipping over the Gaza war.\n\n"
             "US Central Command said Houthi militants fired two missiles from Yemen towards the Bab al-Mandeb at the MV Star Iris, a Greek-owned, Marshall Islands-flagged vessel carrying corn from Brazil. The ship reported itself seaworthy and was headed for Bandar Imam Khomeini in Iran.\n\n"
             "Houthi military spokesman Yahya Saree wrongly described the ship as American; tracking data showed it was Greek-owned."
         ),
         events=[("RE6", "ASSAULT", "Houthis", None, "fired two missiles at a cargo ship bound for Iran", "2024-02-12")]),
    dict(id="r20", story="R5", outlet="Taipei Times (AP)", language="en",
         url="https://www.taipeitimes.com/News/world/archives/2024/02/14/2003813537",
         published="2024-02-13T16:00:00Z",
         title="Houthi missiles hit corn ship bound for Iran",
         text=(
             "Yemen's Houthi rebels on Monday fired two missiles at a ship carrying corn to a port in Iran, causing minor damage but injuring none of the crew, authorities said.\n\n"
             "The attack on the Greek-operated bulk carrier Star Iris, which flies the flag of the Marshall Islands, shows how widely the Houthis now pick their targets in the Red Sea, the Gulf of Aden and the Bab el-Mandeb Strait. The ship was sailing from Brazil to Bandar Khomeini.\n\n"
             "Security firm Ambrey said the Star Iris was damaged on its starboard side. The Houthis called it an American vessel. Its owner, Star Bulk Carriers of Athens, is listed on the NASDAQ; another of its ships, the Star Nasia, was attacked days earlier.\n\n"
             "Houthi spokesman Yahya Saree said the group would carry out more operations in retaliation for Israel's actions in Gaza and for US and British strikes on Yemen."
         ),
         events=[("RE6", "ASSAULT", "Houthis", None, "fired two missiles at a ship carrying corn", "2024-02-12"),
                 ("RE7", "THREATEN", "Houthis", None, "would carry out more operations in retaliation", "2024-02-12")]),
    dict(id="r21", story="R5", outlet="Marine Log", language="en",
         url="https://www.marinelog.com/legal/safety-and-security/houthis-attack-another-star-bulk-vessel/",
         published="2024-02-12T09:45:00Z",
         title="Houthis attack another Star Bulk vessel",
         text=(
             "A short lull in the Red Sea after US strikes on Houthi targets ended on Monday with what appears to be the second Houthi attack on a Star Bulk ship, the Star Iris.\n\n"
             "UKMTO said at 00:35 UTC that the master of a vessel 40 nautical miles south of Al Mukha, Yemen, reported being attacked by two missiles; the crew was safe and the ship was continuing its voyage.\n\n"
             "Houthi spokesman Yahya Saree said on social media that the group's naval forces had struck the American ship Star Iris with naval missiles. The Marshall Islands-flagged bulker belongs to Athens-based Star Bulk Carriers; on February 6 the group attacked the company's Star Nasia."
         ),
         events=[("RE6", "ASSAULT", "Houthis", None, "reported being attacked by two missiles", "2024-02-12")]),
    dict(id="r22", story="R5", outlet="Al-Jarida", language="ar",
         url="https://aljarida.com/article/53733",
         published="2024-02-12T11:00:00Z",
         title="الحوثيون يعلنون استهداف سفينة ستار أيرس في البحر الأحمر",
         text=(
             "أعلنت جماعة أنصار الله الحوثية في اليمن، اليوم الاثنين، أنها استهدفت سفينة ستار أيرس في البحر الأحمر، بعد أن أفادت وكالتان بريطانيتان للأمن البحري بأن سفينة تعرضت لصاروخين خلال عبورها مضيق باب المندب.\n\n"
             "وقال المتحدث العسكري باسم الحوثيين العميد يحيى سريع إن الجماعة أصابت السفينة، التي وصفها بأنها أميركية، إصابة مباشرة.\n\n"
             "وذكرت هيئة عمليات التجارة البحرية البريطانية أن السفينة استُهدفت على بعد أربعين ميلاً بحرياً من السواحل اليمنية، وأن طاقمها بخير وأن أضراراً طفيفة لحقت بجانبها الأيمن."
         ),
         events=[("RE6", "ASSAULT", "Houthis", None, "أنها استهدفت سفينة ستار أيرس في البحر الأحمر", "2024-02-12")]),
    dict(id="r23", story="R5", outlet="Al-Mashhad", language="ar",
         url="https://almashhad.com/article/773112298002792-News/472599356320913",
         published="2024-02-13T08:30:00Z",
         title="الحوثيون يطلقون صاروخين على سفينة متجهة إلى ميناء إيراني",
         text=(
             "أطلق الحوثيون في اليمن يوم الاثنين صاروخين على سفينة شحن كانت في طريقها إلى ميناء إيراني، فألحقوا بها أضراراً طفيفة من دون أن يصاب أحد من أفراد طاقمها، بحسب السلطات.\n\n"
             "وكانت ناقلة البضائع ستار أيرس، التي ترفع علم جزر مارشال وتديرها شركة يونانية، متجهة من البرازيل إلى ميناء بندر الإمام الخميني في إيران.\n\n"
             "ووصف الحوثيون السفينة بأنها أميركية من دون تقديم دليل. وقال المتحدث العسكري يحيى سريع إن الجماعة لن تتردد في تنفيذ عمليات أخرى رداً على ما يجري في قطاع غزة."
         ),
         events=[("RE6", "ASSAULT", "Houthis", None, "صاروخين على سفينة شحن كانت في طريقها إلى ميناء إيراني", "2024-02-12")]),

    # R6: the Star Nasia and the Morning Tide, targeted on Tuesday 6 February 2024
    dict(id="r24", story="R6", outlet="Hiiraan Online (Reuters)", language="en",
         url="https://hiiraan.ca/news4/2024/Feb/194917/houthis_say_they_fired_at_two_ships_in_red_sea_damaging_both.aspx",
         published="2024-02-07T06:00:00Z",
         title="Houthis say they fired at two ships in Red Sea",
         text=(
             "Yemen's Iran-aligned Houthis said on Tuesday they had fired missiles at two ships in the Red Sea and damaged them.\n\n"
             "The group's military spokesman said it had launched naval missiles at the Star Nasia and the Morning Tide, which he described as American and British ships.\n\n"
             "A Greek shipping ministry official said the Greek-owned Star Nasia, managed by Star Bulk, was damaged by an explosion but its crew was unhurt. US Central Command said the Houthis fired three missiles at the Star Nasia and that a US Navy ship shot one of them down."
         ),
         events=[("RE8", "ASSAULT", "Houthis", None, "had fired missiles at two ships in the Red Sea", "2024-02-06")]),
    dict(id="r25", story="R6", outlet="Defense Mirror", language="en",
         url="https://defensemirror.com/news/36053/Six_Houthi_Missiles_Target_2_Ships_in_Red_Sea__One_Hit",
         published="2024-02-07T08:21:00Z",
         title="Six Houthi missiles aimed at two ships, one damaged",
         text=(
             "Houthi militants backed by Iran fired six anti-ship ballistic missiles from Yemen early on February 6 at ships in the southern Red Sea and the Gulf of Aden, US Central Command said.\n\n"
             "Three were aimed at the Star Nasia, a Greek-owned bulk carrier; an explosion near the ship caused minor damage but no injuries, and the destroyer USS Laboon shot down one missile. The other three fell into the sea near the UK-owned cargo ship Morning Tide without effect.\n\n"
             "Houthi spokesman Yahya Saree said the group would carry out more operations against American and British targets."
         ),
         events=[("RE8", "ASSAULT", "Houthis", None, "fired six anti-ship ballistic missiles", "2024-02-06"),
                 ("RE9", "THREATEN", "Houthis", "United States", "would carry out more operations against American and British targets", "2024-02-06")]),
    dict(id="r26", story="R6", outlet="Rossa Primavera", language="ru",
         url="https://rossaprimavera.ru/news/31cca9dc",
         published="2024-02-07T10:00:00Z",
         title="Хуситы обстреляли британское грузовое судно в Красном море",
         text=(
             "Повстанцы-хуситы выпустили три противокорабельные ракеты по британскому грузовому судну Morning Tide в Красном море, сообщило Центральное командование США.\n\n"
             "По данным CENTCOM, ракеты упали в воду рядом с судном, которое шло под флагом Барбадоса, и не причинили вреда. Судно продолжило путь.\n\n"
             "В тот же день хуситы обстреляли греческий сухогруз Star Nasia в Аденском заливе: две ракеты упали рядом, третью сбил эсминец ВМС США Laboon."
         ),
         events=[("RE8", "ASSAULT", "Houthis", None, "выпустили три противокорабельные ракеты по британскому грузовому судну", "2024-02-06")]),

    # R14: the Scarlet Ray, targeted off Yanbu on Sunday 31 August 2025, claimed on 1 September
    dict(id="r27", story="R14", outlet="TASS", language="en",
         url="https://tass.com/world/2010111",
         published="2025-09-01T06:30:00Z",
         title="Houthis say they fired missile at Israeli-owned tanker in Red Sea",
         text=(
             "DOHA, September 1. /TASS/. Yemen's Houthi movement Ansar Allah has fired a ballistic missile at the oil tanker Scarlet Ray, which it says is Israeli, in the northern Red Sea, the movement's military spokesman Yahya Saria told Al Masirah TV.\n\n"
             "Saria said the ship was hit directly. The UK Maritime Trade Operations centre said it received a report late on Sunday of an incident 40 nautical miles south-west of the Saudi port of Yanbu, where the crew heard a loud bang and saw a splash. No one was hurt.\n\n"
             "On August 28 Israeli aircraft struck Sanaa; the Houthi government's prime minister was later reported killed."
         ),
         events=[("RE10", "ASSAULT", "Houthis", None, "has fired a ballistic missile at the oil tanker Scarlet Ray", "2025-08-31")]),
    dict(id="r28", story="R14", outlet="Al Arabi Post", language="ar",
         url="https://alarabipost.com/houthi-attack-israeli-ship-red-sea",
         published="2025-09-01T12:00:00Z",
         title="هجوم حوثي على ناقلة نفط إسرائيلية في البحر الأحمر",
         text=(
             "أعلن الحوثيون في اليمن يوم الاثنين أنهم أطلقوا صاروخاً باليستياً على ناقلة النفط سكارليت راي في شمال البحر الأحمر، وقالوا إنها إسرائيلية.\n\n"
             "وقال المتحدث العسكري للحوثيين يحيى سريع إن القوات البحرية أصابت السفينة إصابة مباشرة. لكن هيئة عمليات التجارة البحرية البريطانية ذكرت أن قبطاناً أبلغ مساء الأحد عن سقوط مقذوف قرب سفينته على بعد أربعين ميلاً بحرياً جنوب غرب ينبع في السعودية، وأن الطاقم بخير.\n\n"
             "ويأتي الهجوم بعد غارة إسرائيلية على صنعاء يوم الخميس قُتل فيها رئيس حكومة الحوثيين وعدد من الوزراء."
         ),
         events=[("RE10", "ASSAULT", "Houthis", None, "أطلقوا صاروخاً باليستياً على ناقلة النفط سكارليت راي", "2025-08-31")]),
    dict(id="r29", story="R14", outlet="Squid (Reuters)", language="en",
         url="https://squidsite02.com/2025/09/01/houthis-say-they-launched",
         published="2025-09-01T15:00:00Z",
         title="Houthis say they launched missile at Israeli-linked tanker near Yanbu",
         text=(
             "LONDON (Reuters) - Yemen's Houthis said on Monday they had launched a missile at the Israeli-owned tanker Scarlet Ray near Saudi Arabia's Red Sea port of Yanbu, a rare attack off the Saudi coast.\n\n"
             "Eastern Pacific Shipping, the Singapore-based manager of the Liberia-flagged chemical tanker, said the ship was undamaged and all crew were safe.\n\n"
             "Britain's UKMTO said on Sunday a captain had reported a splash close to his vessel from an unknown projectile and a loud bang 40 nautical miles south-west of Yanbu."
         ),
         events=[("RE10", "ASSAULT", "Houthis", None, "had launched a missile at the Israeli-owned tanker Scarlet Ray", "2025-08-31")]),

    # R15: the Cordelia Moon, hit by a drone boat off Hodeidah on Tuesday 1 October 2024
    dict(id="r30", story="R15", outlet="Infobae (Europa Press)", language="es",
         url="https://www.infobae.com/america/agencias/2024/10/01/alcanzado-por-una-lancha-no-tripulada-un-buque-que-navegaba-por-el-mar-rojo-al-oeste-de-yemen/",
         published="2024-10-01T11:00:00Z",
         title="Una lancha no tripulada alcanza a un buque en el mar Rojo al oeste de Yemen",
         text=(
             "Un buque fue alcanzado este martes por una lancha no tripulada mientras navegaba por el mar Rojo, al oeste de la ciudad yemení de Hodeida, según la agencia británica UKMTO, que no informó de víctimas.\n\n"
             "El organismo, vinculado a la Marina Real británica, señaló que el incidente ocurrió a 64 millas náuticas al noroeste de Hodeida y que el capitán confirmó el impacto, que perforó el tanque de lastre número seis. Antes se habían registrado cuatro impactos cerca del barco.\n\n"
             "Los hutíes no se han pronunciado sobre el ataque, aunque su portavoz militar, Yahya Sari, anunció un comunicado importante para las próximas horas."
         ),
         events=[("RE11", "ASSAULT", "Houthis", None, "fue alcanzado este martes por una lancha no tripulada", "2024-10-01")]),
    dict(id="r31", story="R15", outlet="Israel Noticias (AP)", language="es",
         url="https://israelnoticias.com/terrorismo/huties-de-yemen-atacan-dos-barcos-en-el-mar-rojo-con-un-barco-no-tripulado-y-un-misil/",
         published="2024-10-01T20:00:00Z",
         title="Los hutíes atacan dos barcos en el mar Rojo con una lancha no tripulada y un misil",
         text=(
             "Los hutíes de Yemen lanzaron este martes una lancha cargada de explosivos que se estrelló contra un petrolero en el mar Rojo y un misil que estalló contra otro barco.\n\n"
             "El primer ataque se produjo a unos 110 kilómetros de Hodeida contra el petrolero de bandera panameña Cordelia Moon, que sufrió una perforación en un tanque de lastre, según el Centro Conjunto de Información Marítima.\n\n"
             "El portavoz militar hutí, general de brigada Yahya Saree, reivindicó después los dos ataques en un mensaje grabado."
         ),
         events=[("RE11", "ASSAULT", "Houthis", None, "lanzaron este martes una lancha cargada de explosivos", "2024-10-01")]),
    dict(id="r32", story="R15", outlet="Sea-Man", language="en",
         url="https://sea-man.org/news/merchant-vessel-attacks.html",
         published="2024-10-01T16:00:00Z",
         title="Houthis strike tanker with drone boat off Hodeidah",
         text=(
             "Yemen's Houthi rebels have attacked another merchant ship, the UK Maritime Trade Operations office said.\n\n"
             "At around 0140 GMT on Tuesday an unnamed ship some 60 nautical miles off Hodeidah reported four splashes in the water nearby, with no damage. At 0500 GMT the master reported that the vessel had been hit by a drone boat that holed the No. 6 ballast tank on the port side. No one was hurt and the ship continued its voyage.\n\n"
             "Separately, Houthi spokesman Yahya Saree claimed the group had shot down an American MQ-9 Reaper drone."
         ),
         events=[("RE11", "ASSAULT", "Houthis", None, "the vessel had been hit by a drone boat", "2024-10-01")]),
]
