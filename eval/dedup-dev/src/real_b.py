# ruff: noqa: E501  (article texts are one line per paragraph)
"""Real multi-outlet stories, part B: South China Sea collisions, Nairobi protests,
Thailand-Cambodia border clashes. Same rules as part A."""

ARTICLES = [
    # R7: Sabina Shoal collisions before dawn on Monday 19 August 2024
    dict(id="r33", story="R7", outlet="KESQ (AP)", language="en",
         url="https://kesq.com/news/2024/08/18/china-accuses-the-philippines-of-deliberately-crashing-one-of-its-ships-into-a-chinese-vessel/",
         published="2024-08-19T02:10:00Z",
         title="China accuses the Philippines of deliberately ramming its ship",
         text=(
             "TAIPEI, Taiwan (AP) — China's coast guard has accused the Philippines of deliberately ramming one of its ships into a Chinese vessel near Sabina Shoal, a new flashpoint in the South China Sea disputes.\n\n"
             "The Chinese coast guard said two Philippine ships entered waters near the shoal early Monday, ignored Chinese warnings and deliberately collided with one of its boats.\n\n"
             "Philippine officials did not immediately comment on the encounter near the atoll in the Spratly Islands, which Vietnam and Taiwan also claim."
         ),
         events=[("RE12", "ACCUSE", "China", "Philippines", "accused the Philippines of deliberately ramming", "2024-08-19")]),
    dict(id="r34", story="R7", outlet="TRT World", language="en",
         url="https://www.trtworld.com/article/18197546",
         published="2024-08-19T09:30:00Z",
         title="Chinese and Philippine coast guard ships collide near Sabina Shoal",
         text=(
             "Chinese and Philippine coast guard ships have collided near Sabina Shoal in the disputed South China Sea, damaging at least two vessels, and each side blamed the other.\n\n"
             "China's coast guard accused the Philippines of deliberately crashing a ship into a Chinese vessel on Monday. 'The Philippine side is entirely responsible for the collision,' spokesman Gan Yu said, warning Manila to stop its provocations or bear the consequences.\n\n"
             "Jonathan Malaya of the Philippine National Security Council accused the Chinese coast guard of spreading disinformation, saying video showed Chinese ships caused the collisions. There were no reports of injuries."
         ),
         events=[("RE12", "ACCUSE", "China", "Philippines", "China's coast guard accused the Philippines of deliberately crashing", "2024-08-19"),
                 ("RE13", "ACCUSE", "Philippines", "China", "accused the Chinese coast guard of spreading disinformation", "2024-08-19")]),
    dict(id="r35", story="R7", outlet="Antiwar.com", language="en",
         url="https://news.antiwar.com/2024/08/19/chinese-philippine-coast-guard-vessels-collide-in-the-south-china-sea",
         published="2024-08-19T18:00:00Z",
         title="Chinese and Philippine coast guard vessels collide in South China Sea",
         text=(
             "Coast guard vessels from China and the Philippines collided on Monday near Sabina Shoal in the disputed South China Sea, and the two governments are trading blame.\n\n"
             "The Chinese coast guard said the Philippine ship entered waters near the shoal illegally and accused it of colliding on purpose. Manila rejected that account, saying the Chinese ship carried out unlawful and aggressive maneuvers and rammed the Philippine boat, and that a second Chinese vessel rammed another Philippine ship.\n\n"
             "Washington has said its mutual defense treaty with Manila covers attacks on Philippine vessels in the area."
         ),
         events=[("RE12", "ACCUSE", "China", "Philippines", "accused it of colliding on purpose", "2024-08-19"),
                 ("RE14", "ASSAULT", "China", "Philippines", "rammed the Philippine boat", "2024-08-19")]),
    dict(id="r36", story="R7", outlet="Koran Jakarta", language="id",
         url="https://amp.koran-jakarta.com/filipina-sebut-dua-kapalnya-rusak-akibat-tabrakan-dengan-kapal-tiongkok",
         published="2024-08-19T10:00:00Z",
         title="Filipina sebut dua kapalnya rusak ditabrak kapal Tiongkok",
         text=(
             "MANILA - Pemerintah Filipina mengatakan pada hari Senin (19/8) bahwa dua kapal penjaga pantainya rusak setelah bertabrakan dengan kapal-kapal Tiongkok yang melakukan manuver agresif di dekat Sabina Shoal di Laut Tiongkok Selatan.\n\n"
             "Menurut Satuan Tugas Nasional untuk Laut Filipina Barat, tindakan kapal penjaga pantai Tiongkok sebelum fajar menyebabkan kerusakan struktural pada kedua kapal Filipina.\n\n"
             "Jonathan Malaya dari Dewan Keamanan Nasional mengatakan BRP Cape Engano berlubang di sisi kanannya, sedangkan BRP Bagacay ditabrak dua kali. Awak kapal tidak terluka dan melanjutkan misi pasokan ke pulau-pulau yang dijaga Filipina di Kepulauan Spratly."
         ),
         events=[("RE14", "ASSAULT", "China", "Philippines", "BRP Bagacay ditabrak dua kali", "2024-08-19")]),
    dict(id="r37", story="R7", outlet="SOFX", language="en",
         url="https://sofx.com/chinese-and-philippine-coast-guard-ships-collide-amid-tensions-in-south-china-sea",
         published="2024-08-20T03:00:00Z",
         title="Chinese and Philippine coast guard ships collide amid tensions",
         text=(
             "Coast guard vessels from China and the Philippines collided several times near Sabina Shoal before dawn on Monday, and both countries blamed each other. The clashes damaged at least two ships but injured no one.\n\n"
             "The Philippine task force said its ships BRP Bagacay and BRP Cape Engano met unlawful and aggressive maneuvers by Chinese vessels on the way to Philippine-held islands. The Cape Engano was left with a hole in its starboard side and the Bagacay was rammed twice.\n\n"
             "China's coast guard in turn accused the Philippines of causing the collisions deliberately, and spokesperson Gan Yu put the full blame on Manila."
         ),
         events=[("RE14", "ASSAULT", "China", "Philippines", "the Bagacay was rammed twice", "2024-08-19"),
                 ("RE12", "ACCUSE", "China", "Philippines", "accused the Philippines of causing the collisions deliberately", "2024-08-19")]),

    # Y2 (distractor): Sunday 25 August 2024, Chinese ships against a Philippine fisheries vessel
    dict(id="r38", story="Y2", outlet="Le Méridien", language="fr",
         url="https://le-meridien.fr/?p=76328",
         published="2024-08-25T14:00:00Z",
         title="Mer de Chine : Manille accuse Pékin d'avoir percuté un navire des pêches",
         text=(
             "Les Philippines ont accusé dimanche des navires chinois d'avoir percuté un bateau des pêches philippin et de l'avoir visé avec des canons à eau près de l'atoll disputé de Sabina, en mer de Chine méridionale.\n\n"
             "Manille dénonce des manœuvres dangereuses des garde-côtes chinois, qui ont provoqué une panne de moteur du navire. Les garde-côtes chinois affirment pour leur part que le bateau philippin a délibérément provoqué la collision, selon l'AFP.\n\n"
             "Plus tôt, la télévision publique chinoise CCTV avait indiqué que les garde-côtes avaient pris des mesures de contrôle contre le navire philippin 3002, entré selon elle sans autorisation dans les eaux du récif de Xianbin."
         ),
         events=[("RE15", "ACCUSE", "Philippines", "China", "Les Philippines ont accusé dimanche des navires chinois", "2024-08-25")]),

    # R8: collision with the BRP Teresa Magbanua on Saturday 31 August 2024
    dict(id="r39", story="R8", outlet="Newser (AP)", language="en",
         url="https://www.newser.com/story/355480/china-philippines-blame-each-other-for-ships-collision.html",
         published="2024-08-31T16:30:00Z",
         title="China, Philippines blame each other for ships' collision",
         text=(
             "China and the Philippines accused each other on Saturday of causing a collision between their vessels, the latest flare-up over disputed waters in the South China Sea.\n\n"
             "A Chinese coast guard spokesperson said a Philippine ship maneuvered and deliberately collided with a Chinese coast guard ship in an unprofessional and dangerous way. Officials in Manila said the Chinese coast guard rammed their ship, the BRP Teresa Magbanua, three times without provocation, damaging it.\n\n"
             "It was the second confrontation in days near Sabina Shoal, about 85 miles west of Palawan. The Magbanua has been anchored there since mid-April."
         ),
         events=[("RE16", "ACCUSE", "China", "Philippines", "deliberately collided with a Chinese coast guard ship", "2024-08-31"),
                 ("RE17", "ASSAULT", "China", "Philippines", "rammed their ship, the BRP Teresa Magbanua, three times", "2024-08-31")]),
    dict(id="r40", story="R8", outlet="PR Chief (CNBC)", language="en",
         url="https://prchief.com/china-philippines-accuse-each-other-of-ramming-ships-in-south-china-sea",
         published="2024-08-31T12:00:00Z",
         title="China, Philippines accuse each other of ramming ships",
         text=(
             "China and the Philippines accused each other on Saturday of ramming ships in a disputed part of the South China Sea.\n\n"
             "China's coast guard said a Philippine vessel illegally stranded at Sabina Shoal had raised anchor and deliberately rammed a Chinese ship. Spokesperson Liu Dejun called on Manila to withdraw from the shoal at once and said China would resolutely thwart provocations.\n\n"
             "Philippine coast guard spokesperson Jay Tarriela said the Chinese ship ignored collision rules and carried out dangerous maneuvers, causing damage but no injuries."
         ),
         events=[("RE16", "ACCUSE", "China", "Philippines", "deliberately rammed a Chinese ship", "2024-08-31"),
                 ("RE18", "REQUEST", "China", "Philippines", "called on Manila to withdraw from the shoal", "2024-08-31")]),
    dict(id="r41", story="R8", outlet="KwikToday", language="en",
         url="https://www.kwiktoday.com/china-and-philippines-blame-each-other-for-ship-collisions-in-south-china-sea/",
         published="2024-09-01T02:00:00Z",
         title="China and Philippines trade blame over Sabina Shoal collision",
         text=(
             "China and the Philippines traded accusations on Saturday over the ramming of their coast guard ships near Sabina Shoal, about 140 kilometres west of Palawan.\n\n"
             "Chinese coast guard spokesperson Liu Dejun said a Philippine ship deliberately collided with a Chinese vessel around noon and condemned its unprofessional and dangerous conduct.\n\n"
             "Commodore Jay Tarriela of the Philippine coast guard accused Chinese vessel 5205 of intentionally ramming the 97-metre BRP Teresa Magbanua three times, leaving a hole in the ship. No crew were hurt."
         ),
         events=[("RE17", "ASSAULT", "China", "Philippines", "intentionally ramming the 97-metre BRP Teresa Magbanua", "2024-08-31"),
                 ("RE19", "ACCUSE", "Philippines", "China", "accused Chinese vessel 5205", "2024-08-31")]),
    dict(id="r42", story="R8", outlet="Infosrk", language="id",
         url="https://infosrk.club/?p=54501",
         published="2024-09-01T05:00:00Z",
         title="Tabrakan kapal kembali membelit China dan Filipina",
         text=(
             "Tiongkok dan Filipina saling menuduh telah menabrak kapal penjaga pantai di Sabina Shoal, Laut China Selatan, pada hari Sabtu.\n\n"
             "Filipina mengatakan kapal Tiongkok dengan sengaja menabrak kapal mereka, sementara Beijing menuding kapal Filipina yang sengaja menabrak kapal Tiongkok. Penjaga pantai Tiongkok meminta Filipina menarik diri dari beting itu.\n\n"
             "Komodor Jay Tarriela mengatakan kapal Teresa Magbanua sepanjang 97 meter rusak setelah dihantam beberapa kali, tetapi tidak ada korban. Duta Besar AS MaryKay Carlson mengecam tindakan Tiongkok."
         ),
         events=[("RE17", "ASSAULT", "China", "Philippines", "kapal Tiongkok dengan sengaja menabrak kapal mereka", "2024-08-31")]),
    dict(id="r43", story="R8", outlet="Marine & Océans (AFP)", language="fr",
         url="https://marine-oceans.com/actualites/collision-en-mer-de-chine-meridionale-pekin-dit-avoir-defendu-ses-droits-face-a-manille",
         published="2024-09-02T10:00:00Z",
         title="Collision en mer de Chine méridionale : Pékin dit avoir défendu ses droits",
         text=(
             "La Chine a affirmé lundi avoir défendu ses droits face à Manille, deux jours après une collision entre navires des deux pays près du récif Sabina, appelé Xianbin en chinois.\n\n"
             "Samedi, les deux pays s'étaient mutuellement accusés d'avoir provoqué délibérément la collision. Les garde-côtes philippins ont diffusé une vidéo montrant selon eux le navire chinois percutant volontairement le bateau philippin, ancré dans la zone depuis avril.\n\n"
             "La porte-parole du ministère chinois des Affaires étrangères, Mao Ning, a répété que le bateau philippin avait délibérément percuté le navire chinois."
         ),
         events=[("RE17", "ASSAULT", "China", "Philippines", "le navire chinois percutant volontairement le bateau philippin", "2024-08-31")]),
]

ARTICLES += [
    # R9: the 'Occupy Parliament' march in Nairobi on Tuesday 18 June 2024
    dict(id="r44", story="R9", outlet="Capital FM", language="en",
         url="https://www.capitalfm.co.ke/news/2024/06/police-lob-teargas-to-disperse-occupy-parliament-protestors/",
         published="2024-06-18T09:40:00Z",
         title="Police lob tear gas to disperse Occupy Parliament protesters",
         text=(
             "NAIROBI, Kenya, Jun 18 – Police on Tuesday fired tear gas canisters to break up groups of Occupy Parliament activists trying to gather at several points in Nairobi's central business district.\n\n"
             "The activists, dressed in black and carrying placards against the Finance Bill, ran battles with uniformed and plain-clothes officers on Kimathi Street, Kenyatta Avenue and Moi Avenue as they tried to reach Parliament Buildings for a sit-in.\n\n"
             "Nairobi police commander Adamson Bungei had banned the protest, saying no permit had been sought."
         ),
         events=[("RE20", "COERCE", "Kenya police", "protesters", "fired tear gas canisters to break up groups", "2024-06-18"),
                 ("RE21", "PROTEST", "protesters", "Kenya", "carrying placards against the Finance Bill", "2024-06-18")]),
    dict(id="r45", story="R9", outlet="Nairobi News", language="en",
         url="https://nairobinews.nation.africa/police-clash-with-protesters-dozens-arrested-in-nairobi-finance-bill-demos/",
         published="2024-06-18T12:30:00Z",
         title="Police clash with protesters, dozens arrested in Finance Bill demos",
         text=(
             "Police on Tuesday arrested dozens of people protesting in the streets of Nairobi against the Finance Bill 2024, a demonstration the police had declared illegal.\n\n"
             "The protest, called Occupy Parliament, aimed to pressure MPs not to pass the bill. Activist and journalist Hanifa Adan was among those detained near the National Archives.\n\n"
             "Outside Nation Centre on Kimathi Street, anti-riot police fired tear gas at protesters who planned to march to parliament."
         ),
         events=[("RE20", "COERCE", "Kenya police", "protesters", "anti-riot police fired tear gas at protesters", "2024-06-18"),
                 ("RE21", "PROTEST", "protesters", "Kenya", "protesting in the streets of Nairobi against the Finance Bill 2024", "2024-06-18")]),
    dict(id="r46", story="R9", outlet="MyHartsvilleToday", language="en",
         url="https://www.myhartsvilletoday.com/uncategorised/kenyans-protest-against-proposed-tax-increases/3864/",
         published="2024-06-18T17:00:00Z",
         title="Kenyans protest against proposed tax increases",
         text=(
             "Hundreds of Kenyans gathered in central Nairobi on Tuesday to protest against a finance bill that many fear will push up their already high cost of living.\n\n"
             "Wearing black T-shirts and blowing whistles, the protesters assembled near Parliament. Police used tear gas and water cannon soon after the protests began at midday, and at least nine people were arrested near Parliament and put into police vans.\n\n"
             "Shops in the business district closed as police chased protesters through the streets."
         ),
         events=[("RE21", "PROTEST", "protesters", "Kenya", "to protest against a finance bill", "2024-06-18"),
                 ("RE20", "COERCE", "Kenya police", "protesters", "Police used tear gas and water cannon", "2024-06-18")]),
    dict(id="r47", story="R9", outlet="Citizen Digital", language="en",
         url="https://citizen.digital/news/inside-the-occupy-parliament-protests-the-chaos-volatility-and-the-bravery-n344281",
         published="2024-06-19T07:00:00Z",
         title="Inside the Occupy Parliament protests",
         text=(
             "Kenyan police fired tear gas and arrested dozens of demonstrators on Tuesday as hundreds gathered near the Parliament building in Nairobi to protest tax rises in the Finance Bill 2024.\n\n"
             "By eleven in the morning thousands had filled Kimathi Street, chanting against President William Ruto, and running battles with officers had begun as tear gas filled the street.\n\n"
             "The plan had been to march to parliament before the bill was tabled in the afternoon."
         ),
         events=[("RE20", "COERCE", "Kenya police", "protesters", "Kenyan police fired tear gas and arrested dozens of demonstrators", "2024-06-18")]),

    # R10: protesters storm parliament, police open fire, Tuesday 25 June 2024
    dict(id="r48", story="R10", outlet="bdnews24 (Reuters)", language="en",
         url="https://bdnews24.com/world/4c0ff8133c88",
         published="2024-06-25T17:22:00Z",
         title="Police fire on protesters trying to storm Kenya parliament, several dead",
         text=(
             "Kenyan police opened fire on protesters trying to storm parliament in Nairobi on Tuesday after tear gas and water cannon failed to disperse them, and several people were killed.\n\n"
             "In chaotic scenes, demonstrators overwhelmed police and chased them away as they tried to enter the parliament compound, while lawmakers inside voted the finance bill through to a third reading.\n\n"
             "Opposition leader Raila Odinga called for the bill to be withdrawn immediately to allow dialogue."
         ),
         events=[("RE22", "ASSAULT", "Kenya police", "protesters", "opened fire on protesters trying to storm parliament", "2024-06-25"),
                 ("RE23", "PROTEST", "protesters", "Kenya", "protesters trying to storm parliament in Nairobi", "2024-06-25")]),
    dict(id="r49", story="R10", outlet="A News (Anadolu)", language="en",
         url="https://www.anews.com.tr/africa/2024/06/25/10-killed-in-kenyan-capital-when-police-open-fire-on-protesters-storming-parliament",
         published="2024-06-25T19:00:00Z",
         title="10 killed in Nairobi as police fire on protesters storming parliament",
         text=(
             "At least 10 people were killed on Tuesday when police fired on hundreds of protesters who stormed the parliament compound in Nairobi, Kenya's capital.\n\n"
             "A Red Cross volunteer said dozens were injured and that the toll was likely to rise. Angered by planned tax rises, the protesters forced their way into the grounds; part of parliament and the Nairobi governor's office were set on fire.\n\n"
             "Lawmakers sheltered in underground tunnels as the crowd broke through the security cordon."
         ),
         events=[("RE22", "ASSAULT", "Kenya police", "protesters", "police fired on hundreds of protesters", "2024-06-25"),
                 ("RE23", "PROTEST", "protesters", "Kenya", "protesters who stormed the parliament compound", "2024-06-25")]),
    dict(id="r50", story="R10", outlet="Newser (AP)", language="en",
         url="https://www.newser.com/story/352161/police-open-fire-on-protesters-in-kenya.html",
         published="2024-06-25T21:00:00Z",
         title="Police open fire on protesters in Kenya",
         text=(
             "Thousands of protesters stormed Kenya's parliament on Tuesday over tax proposals, setting part of it on fire and sending lawmakers fleeing, and police opened fire. Several people were killed.\n\n"
             "Journalists saw at least three bodies outside the complex, and medics reported five dead. Clashes spread to other cities.\n\n"
             "President William Ruto called the events treasonous and vowed to put down the unrest at whatever cost. The defence minister said the military had been deployed to support the police."
         ),
         events=[("RE23", "PROTEST", "protesters", "Kenya", "Thousands of protesters stormed Kenya's parliament", "2024-06-25"),
                 ("RE22", "ASSAULT", "Kenya police", "protesters", "police opened fire", "2024-06-25"),
                 ("RE24", "THREATEN", "William Ruto", "protesters", "vowed to put down the unrest at whatever cost", "2024-06-25")]),
    dict(id="r51", story="R10", outlet="Channel 4 News", language="en",
         url="https://www.channel4.com/news/kenya-protests-at-least-five-killed-as-parliament-burns",
         published="2024-06-25T18:30:00Z",
         title="Kenya protests: at least five killed as parliament burns",
         text=(
             "At least five people are reported to have been shot dead in Nairobi after police opened fire on protesters outside parliament.\n\n"
             "Crowds broke into the building while MPs voted on a law to raise taxes. Part of the complex was set alight and protesters fought running battles with police outside.\n\n"
             "President William Ruto promised a full and effective response to what he called treasonous events."
         ),
         events=[("RE22", "ASSAULT", "Kenya police", "protesters", "police opened fire on protesters outside parliament", "2024-06-25"),
                 ("RE24", "THREATEN", "William Ruto", "protesters", "promised a full and effective response", "2024-06-25")]),
]
