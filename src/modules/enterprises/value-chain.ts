import { isNaceClass, type Localized, NACE_CODES, naceClass } from "./nace.ts";
import type { ChainRelation } from "./partners.model.ts";

/**
 * The value chain as data: which of our NACE classes supplies which, each edge with the reason it
 * exists in four languages. It is small and curated on purpose (issue 6): cotton growing →
 * ginning → spinning → weaving and knitting → dyeing and finishing → garments and denim; leather
 * and footwear; electrical equipment → power generation and grids ← construction; the
 * chemicals, plastics, packaging, metals and machinery that feed them; wholesale between makers
 * and users. Logistics is a rule, not edges: every freight, warehousing and forwarding class
 * serves every class outside transport. value-chain.test.ts keeps the graph honest (rationales
 * in every language, no orphan class, no self-loop, no duplicate, the cotton → garment path).
 */

/** supplies: materials and parts; equips: machinery and apparatus; builds: construction and installation; trades: wholesale in between. */
export type EdgeKind = "supplies" | "equips" | "builds" | "trades";

export interface ValueChainEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  rationale: Localized;
}

type Why = [en: string, ru: string, kk: string, zh: string];

function edge(from: string, to: string, kind: EdgeKind, [en, ru, kk, zh]: Why): ValueChainEdge {
  return { from, to, kind, rationale: { kk, ru, zh, en } };
}

export const VALUE_CHAIN: readonly ValueChainEdge[] = [
  // Cotton and wool to fibre
  edge("01.16", "01.63", "supplies", [
    "Seed cotton from the fields is ginned into fibre and seed.",
    "Хлопок-сырец с полей идёт на хлопкоочистительный завод, где его разделяют на волокно и семена.",
    "Егістіктен жиналған шитті мақта тазалау зауытында талшық пен тұқымға ажыратылады.",
    "田间采摘的籽棉送往轧花厂，加工成皮棉和棉籽。",
  ]),
  edge("01.63", "13.10", "supplies", [
    "Ginned cotton fibre is the spinner's raw material.",
    "Хлопковое волокно после очистки — основное сырьё прядильной фабрики.",
    "Тазартылған мақта талшығы — иіру фабрикасының негізгі шикізаты.",
    "皮棉是纺纱厂的主要原料。",
  ]),
  edge("01.63", "10.41", "supplies", [
    "Cottonseed left after ginning is pressed for oil.",
    "Хлопковые семена, оставшиеся после очистки, идут на производство масла.",
    "Мақта тазалаудан қалған тұқымнан май сығылады.",
    "轧花后剩余的棉籽用于榨油。",
  ]),
  edge("01.45", "13.10", "supplies", [
    "Sheep's wool is scoured and spun into yarn.",
    "Овечью шерсть моют и прядут в пряжу.",
    "Қой жүні жуылып, жіпке иіріледі.",
    "羊毛经洗毛后纺成纱线。",
  ]),
  edge("01.45", "10.11", "supplies", [
    "Sheep and goats are raised for slaughter and meat processing.",
    "Овцы и козы поступают на убой и переработку мяса.",
    "Қой мен ешкі союға және ет өңдеуге жіберіледі.",
    "肉羊供屠宰和肉类加工。",
  ]),
  edge("20.60", "13.10", "supplies", [
    "Polyester and elastane fibres are blended with cotton into yarn.",
    "Полиэфирные и эластановые волокна смешивают с хлопком при прядении.",
    "Полиэфир және эластан талшықтары иіру кезінде мақтамен араластырылады.",
    "涤纶和氨纶纤维与棉混纺成纱。",
  ]),
  edge("20.60", "13.91", "supplies", [
    "Elastane and polyester yarn is knitted into stretch fabrics.",
    "Эластановую и полиэфирную нить перерабатывают в эластичное трикотажное полотно.",
    "Эластан және полиэфир жіптерінен серпімді трикотаж кенеп тоқылады.",
    "氨纶和涤纶长丝用于织造弹力针织面料。",
  ]),
  edge("20.60", "13.96", "supplies", [
    "Elastane gives elastic fabrics and tapes their stretch.",
    "Эластан придаёт эластичным тканям и лентам растяжимость.",
    "Эластан серпімді маталар мен таспаларға созылғыштық береді.",
    "氨纶赋予弹力面料和织带弹性。",
  ]),
  edge("20.16", "20.60", "supplies", [
    "Polyester chips are melt-spun into man-made fibres.",
    "Полиэфирный гранулят перерабатывают в химические волокна.",
    "Полиэфир түйіршіктерінен химиялық талшықтар алынады.",
    "聚酯切片经熔融纺丝制成化学纤维。",
  ]),
  // Spinning, weaving, knitting, finishing, garments
  edge("13.10", "13.20", "supplies", [
    "Yarn is woven into fabric, denim included.",
    "Пряжа идёт на ткацкое производство, в том числе на деним.",
    "Иірілген жіптен мата, соның ішінде деним тоқылады.",
    "纱线用于机织面料（包括牛仔布）的织造。",
  ]),
  edge("13.10", "13.91", "supplies", [
    "Yarn is knitted into fabric.",
    "Из пряжи вяжут трикотажное полотно.",
    "Иірілген жіптен трикотаж кенеп тоқылады.",
    "纱线用于针织面料的编织。",
  ]),
  edge("13.10", "13.96", "supplies", [
    "Cotton and core-spun yarn goes into elastic and technical fabrics.",
    "Хлопковая и армированная пряжа идёт на эластичные и технические ткани.",
    "Мақта және өзекті жіп серпімді және техникалық маталарға жұмсалады.",
    "棉纱和包芯纱用于生产弹力及产业用纺织品。",
  ]),
  edge("13.20", "13.30", "supplies", [
    "Grey fabric from the loom is dyed and finished.",
    "Суровую ткань со станка красят и отделывают.",
    "Станоктан шыққан шикі мата боялып, әрленеді.",
    "坯布下机后进行印染整理。",
  ]),
  edge("13.91", "13.30", "supplies", [
    "Knitted fabric is dyed and finished before cutting.",
    "Трикотажное полотно красят и отделывают перед раскроем.",
    "Трикотаж кенеп пішер алдында боялып, әрленеді.",
    "针织坯布在裁剪前进行染色和整理。",
  ]),
  edge("13.30", "14.13", "supplies", [
    "Finished fabric is cut and sewn into outerwear.",
    "Готовую ткань раскраивают и шьют из неё верхнюю одежду.",
    "Әрленген матадан сырт киім пішіліп, тігіледі.",
    "整理后的面料裁剪缝制成外衣。",
  ]),
  edge("13.30", "14.14", "supplies", [
    "Finished knitted fabric is sewn into underwear.",
    "Из отделанного трикотажа шьют нательное бельё.",
    "Әрленген трикотаждан іш киім тігіледі.",
    "整理后的针织面料缝制成内衣。",
  ]),
  edge("13.20", "14.13", "supplies", [
    "Denim is woven from yarn dyed before weaving and goes straight to the garment line.",
    "Деним ткут из окрашенной пряжи, и он сразу идёт в швейный цех.",
    "Деним боялған жіптен тоқылады да, бірден тігін цехына түседі.",
    "牛仔布由色纱织成，可直接进入服装生产线。",
  ]),
  edge("13.91", "14.14", "supplies", [
    "Knitted fabric is the main material of underwear.",
    "Трикотажное полотно — основной материал нательного белья.",
    "Трикотаж кенеп — іш киімнің негізгі материалы.",
    "针织面料是内衣的主要面料。",
  ]),
  edge("13.96", "14.14", "supplies", [
    "Elastic fabrics and tapes hold underwear in shape.",
    "Эластичные ткани и ленты держат форму белья.",
    "Серпімді маталар мен таспалар іш киімнің пішінін сақтайды.",
    "弹力面料和织带使内衣保持形状。",
  ]),
  edge("13.96", "14.13", "supplies", [
    "Elastic fabrics make stretch denim and waistbands.",
    "Эластичные ткани идут на стрейч-деним и пояса.",
    "Серпімді маталар стрейч-деним мен белдіктерге жұмсалады.",
    "弹力面料用于弹力牛仔服装和腰头。",
  ]),
  edge("13.96", "15.20", "supplies", [
    "Elastic webbing and technical fabrics go into shoe uppers and linings.",
    "Эластичная лента и технические ткани идут на верх и подкладку обуви.",
    "Серпімді таспа мен техникалық маталар аяқ киімнің сыртына және астарына жұмсалады.",
    "弹力织带和产业用织物用于鞋面和鞋里。",
  ]),
  edge("13.20", "31.09", "supplies", [
    "Woven upholstery fabric covers furniture.",
    "Мебельные ткани идут на обивку мебели.",
    "Жиһаз маталары жиһазды қаптауға жұмсалады.",
    "家具布用于家具软包。",
  ]),
  // Dyes, leather, footwear
  edge("20.12", "13.30", "supplies", [
    "Dyes and pigments are the dyehouse's main input.",
    "Красители и пигменты — основное сырьё красильно-отделочного производства.",
    "Бояғыштар мен пигменттер — бояу-әрлеу өндірісінің негізгі шикізаты.",
    "染料和颜料是印染厂的主要原料。",
  ]),
  edge("20.12", "13.20", "supplies", [
    "Indigo is used on the denim mill's yarn-dyeing range.",
    "Индиго используют на линиях крашения пряжи денимных фабрик.",
    "Индиго деним фабрикаларының жіп бояу желілерінде қолданылады.",
    "靛蓝用于牛仔布厂的纱线染色线。",
  ]),
  edge("20.12", "15.11", "supplies", [
    "Tanneries dye leather with dyes and pigments.",
    "Кожевенные заводы красят кожу красителями и пигментами.",
    "Былғары зауыттары теріні бояғыштармен және пигменттермен бояйды.",
    "制革厂用染料和颜料给皮革染色。",
  ]),
  edge("10.11", "15.11", "supplies", [
    "Hides and skins from slaughter go to the tannery.",
    "Шкуры после убоя поступают на кожевенный завод.",
    "Союдан кейінгі терілер былғары зауытына түседі.",
    "屠宰后的生皮送往制革厂。",
  ]),
  edge("15.11", "15.20", "supplies", [
    "Finished leather is cut into shoe uppers.",
    "Из готовой кожи кроят верх обуви.",
    "Дайын былғарыдан аяқ киімнің сырты пішіледі.",
    "成品革用于裁制鞋面。",
  ]),
  edge("20.16", "15.20", "supplies", [
    "PU, PVC and rubber-like polymers are moulded into soles.",
    "Из полиуретана, ПВХ и термоэластопластов отливают подошвы.",
    "Полиуретан, ПВХ және термоэластопласттан табан құйылады.",
    "聚氨酯、PVC和TPR等材料注塑成鞋底。",
  ]),
  // Machinery
  edge("28.94", "01.63", "equips", [
    "Cotton gins and lint cleaners are textile machinery.",
    "Джины и волокноочистители относятся к текстильному оборудованию.",
    "Мақта тазалау машиналары мен талшық тазартқыштар тоқыма жабдығына жатады.",
    "轧花机和皮棉清理机属于纺织机械。",
  ]),
  edge("28.94", "13.10", "equips", [
    "Spinning mills buy carding, drawing and spinning frames.",
    "Прядильные фабрики закупают чесальные, ленточные и прядильные машины.",
    "Иіру фабрикалары тарағыш, таспалағыш және иіру машиналарын сатып алады.",
    "纺纱厂采购梳棉机、并条机和细纱机。",
  ]),
  edge("28.94", "13.20", "equips", [
    "Weaving mills buy looms and preparation machines.",
    "Ткацкие фабрики закупают ткацкие станки и подготовительное оборудование.",
    "Тоқыма фабрикалары тоқу станоктары мен дайындау жабдықтарын сатып алады.",
    "织造厂采购织机和准备设备。",
  ]),
  edge("28.94", "13.91", "equips", [
    "Knitting mills buy circular and flat knitting machines.",
    "Трикотажные фабрики закупают кругло- и плосковязальные машины.",
    "Трикотаж фабрикалары дөңгелек және жазық тоқу машиналарын сатып алады.",
    "针织厂采购圆纬机和横机。",
  ]),
  edge("28.94", "13.30", "equips", [
    "Dyehouses buy dyeing, washing and finishing ranges.",
    "Красильно-отделочные фабрики закупают линии крашения, промывки и отделки.",
    "Бояу-әрлеу фабрикалары бояу, жуу және әрлеу желілерін сатып алады.",
    "印染厂采购染色、水洗和整理设备。",
  ]),
  edge("28.94", "14.13", "equips", [
    "Garment factories buy industrial sewing and cutting machines.",
    "Швейные фабрики закупают промышленные швейные и раскройные машины.",
    "Тігін фабрикалары өнеркәсіптік тігін және пішу машиналарын сатып алады.",
    "服装厂采购工业缝纫机和裁剪设备。",
  ]),
  edge("28.94", "15.20", "equips", [
    "Shoe factories buy lasting, stitching and sole-moulding machines.",
    "Обувные фабрики закупают затяжные, швейные машины и линии литья подошвы.",
    "Аяқ киім фабрикалары қалыпқа тарту, тігу және табан құю машиналарын сатып алады.",
    "鞋厂采购绷楦机、缝纫机和鞋底注塑机。",
  ]),
  edge("28.30", "01.16", "equips", [
    "Cotton farms buy tractors, seed drills, sprayers and pickers.",
    "Хлопковые хозяйства закупают тракторы, сеялки, опрыскиватели и хлопкоуборочные машины.",
    "Мақта шаруашылықтары трактор, тұқым сепкіш, бүріккіш және мақта теру машиналарын сатып алады.",
    "棉田采购拖拉机、播种机、喷雾机和采棉机。",
  ]),
  edge("28.30", "01.11", "equips", [
    "Grain farms buy tractors and combines.",
    "Зерновые хозяйства закупают тракторы и комбайны.",
    "Астық шаруашылықтары трактор мен комбайн сатып алады.",
    "粮食农场采购拖拉机和联合收割机。",
  ]),
  edge("24.10", "28.30", "supplies", [
    "Farm machinery is built from steel.",
    "Сельхозтехнику делают из стали.",
    "Ауыл шаруашылығы техникасы болаттан жасалады.",
    "农业机械以钢材为主要材料。",
  ]),
  edge("24.10", "28.94", "supplies", [
    "Textile machinery is built from steel.",
    "Текстильное оборудование делают из стали.",
    "Тоқыма жабдықтары болаттан жасалады.",
    "纺织机械以钢材为主要材料。",
  ]),
  // Farm inputs and food
  edge("20.15", "01.16", "supplies", [
    "Cotton needs nitrogen and phosphate fertilisers.",
    "Хлопчатнику нужны азотные и фосфорные удобрения.",
    "Мақтаға азот және фосфор тыңайтқыштары қажет.",
    "棉花种植需要氮肥和磷肥。",
  ]),
  edge("20.15", "01.11", "supplies", [
    "Grain and oilseed farms buy fertilisers.",
    "Зерновые хозяйства закупают удобрения.",
    "Астық шаруашылықтары тыңайтқыш сатып алады.",
    "粮油种植需要化肥。",
  ]),
  edge("20.15", "01.13", "supplies", [
    "Vegetable and melon growers buy fertilisers.",
    "Овощеводы и бахчеводы закупают удобрения.",
    "Көкөніс және бақша өсірушілер тыңайтқыш сатып алады.",
    "蔬菜瓜果种植需要化肥。",
  ]),
  edge("22.21", "01.16", "supplies", [
    "Drip-irrigation pipes and tapes save water on cotton fields.",
    "Трубки и ленты капельного орошения экономят воду на хлопковых полях.",
    "Тамшылатып суару құбырлары мен таспалары мақта алқаптарында суды үнемдейді.",
    "滴灌管和滴灌带为棉田节水。",
  ]),
  edge("22.21", "01.13", "supplies", [
    "Drip-irrigation pipes and film for vegetables and melons.",
    "Трубки капельного орошения и плёнка для овощей и бахчевых.",
    "Көкөніс пен бақшаға арналған тамшылатып суару құбырлары мен үлдір.",
    "滴灌管和地膜用于蔬菜瓜果种植。",
  ]),
  edge("01.11", "10.61", "supplies", [
    "Grain is milled into flour.",
    "Зерно перемалывают в муку.",
    "Астық ұнға тартылады.",
    "谷物磨制成面粉。",
  ]),
  edge("01.11", "10.41", "supplies", [
    "Oilseeds are pressed for oil.",
    "Масличные семена перерабатывают в масло.",
    "Майлы дақылдардың тұқымынан май сығылады.",
    "油料作物用于榨油。",
  ]),
  edge("01.13", "10.39", "supplies", [
    "Vegetables and melons are dried, canned and processed.",
    "Овощи и бахчевые сушат, консервируют и перерабатывают.",
    "Көкөністер мен бақша өнімдері кептіріліп, консервіленіп, өңделеді.",
    "蔬菜瓜果经干制、罐装等加工。",
  ]),
  edge("01.13", "46.31", "trades", [
    "Fresh melons and vegetables go to wholesalers and importers.",
    "Свежие дыни и овощи идут оптовикам и импортёрам.",
    "Жаңа піскен қауын мен көкөніс көтерме саудагерлер мен импорттаушыларға түседі.",
    "新鲜瓜果蔬菜销往批发商和进口商。",
  ]),
  // Packaging
  edge("17.21", "10.39", "supplies", [
    "Cartons pack processed fruit and vegetables.",
    "Картонная тара для переработанных фруктов и овощей.",
    "Өңделген жемістер мен көкөністерге арналған картон қаптама.",
    "纸箱用于果蔬加工品包装。",
  ]),
  edge("17.21", "10.61", "supplies", [
    "Paper sacks pack flour.",
    "Бумажные мешки для муки.",
    "Ұнға арналған қағаз қаптар.",
    "纸袋用于面粉包装。",
  ]),
  edge("17.21", "14.13", "supplies", [
    "Cartons ship garments.",
    "Картонные короба для отгрузки одежды.",
    "Киім жөнелтуге арналған картон жәшіктер.",
    "纸箱用于服装运输包装。",
  ]),
  edge("17.21", "15.20", "supplies", ["Shoe boxes.", "Обувные коробки.", "Аяқ киім қораптары.", "鞋盒。"]),
  edge("22.22", "10.11", "supplies", [
    "Plastic film and trays pack meat.",
    "Плёнка и лотки для упаковки мяса.",
    "Етті қаптауға арналған үлдір мен науалар.",
    "塑料膜和托盘用于肉类包装。",
  ]),
  edge("22.22", "10.39", "supplies", [
    "Plastic packaging for processed fruit and vegetables.",
    "Пластиковая упаковка для переработанных фруктов и овощей.",
    "Өңделген жемістер мен көкөністерге арналған пластик қаптама.",
    "塑料包装用于果蔬加工品。",
  ]),
  edge("22.22", "10.41", "supplies", [
    "PET bottles for vegetable oil.",
    "ПЭТ-бутылки для растительного масла.",
    "Өсімдік майына арналған ПЭТ бөтелкелер.",
    "PET瓶用于食用油包装。",
  ]),
  edge("20.16", "22.21", "supplies", [
    "Polymers are extruded into pipes, sheets and profiles.",
    "Из полимеров экструдируют трубы, листы и профили.",
    "Полимерлерден құбырлар, парақтар мен профильдер жасалады.",
    "塑料原料挤出成管材、板材和型材。",
  ]),
  edge("20.16", "22.22", "supplies", [
    "Polymers are blown and moulded into packaging.",
    "Из полимеров выдувают и отливают упаковку.",
    "Полимерлерден қаптама үрленіп, құйылады.",
    "塑料原料吹塑注塑成包装制品。",
  ]),
  edge("20.16", "27.32", "supplies", [
    "PVC and XLPE insulate cables.",
    "ПВХ и сшитый полиэтилен идут на изоляцию кабелей.",
    "ПВХ және тігілген полиэтилен кабель оқшаулауына жұмсалады.",
    "PVC和交联聚乙烯用于电缆绝缘。",
  ]),
  // Wood and furniture
  edge("16.10", "31.09", "supplies", [
    "Sawn timber for furniture.",
    "Пиломатериалы для мебели.",
    "Жиһазға арналған кесілген ағаш.",
    "锯材用于家具制造。",
  ]),
  edge("16.10", "41.20", "supplies", [
    "Timber for roofs, formwork and joinery.",
    "Пиломатериалы для кровли, опалубки и столярных изделий.",
    "Шатырға, қалыпқа және ағаш бұйымдарына арналған ағаш материалдары.",
    "锯材用于屋架、模板和木制品。",
  ]),
  edge("16.10", "46.73", "trades", [
    "Sawmills sell through building-materials wholesalers.",
    "Лесопилки продают через оптовиков стройматериалов.",
    "Ағаш кесу зауыттары құрылыс материалдарының көтерме саудагерлері арқылы сатады.",
    "锯材经建材批发商销售。",
  ]),
  // Metals
  edge("24.10", "25.11", "supplies", [
    "Steel sections and plate are fabricated into structures.",
    "Из стального проката изготавливают металлоконструкции.",
    "Болат илемнен металл конструкциялар жасалады.",
    "型钢和钢板加工成金属结构。",
  ]),
  edge("24.10", "27.11", "supplies", [
    "Electrical steel forms transformer cores and motor stators.",
    "Электротехническая сталь идёт на сердечники трансформаторов и статоры двигателей.",
    "Электротехникалық болат трансформатор өзектері мен қозғалтқыш статорларына жұмсалады.",
    "电工钢用于变压器铁芯和电机定子。",
  ]),
  edge("24.42", "27.32", "supplies", [
    "Aluminium wire rod is drawn into conductors and cables.",
    "Алюминиевую катанку волочат в провода и кабели.",
    "Алюминий сымынан өткізгіштер мен кабельдер созылады.",
    "铝杆拉制成导线和电缆。",
  ]),
  edge("24.42", "25.11", "supplies", [
    "Aluminium profiles frame solar mounting structures.",
    "Алюминиевые профили идут на опорные конструкции солнечных панелей.",
    "Алюминий профильдер күн панельдерінің тірек конструкцияларына жұмсалады.",
    "铝型材用于光伏支架。",
  ]),
  // Electrical equipment ↔ power ↔ construction
  edge("26.11", "35.11", "equips", [
    "Photovoltaic cells and modules are the heart of a solar plant.",
    "Фотоэлементы и модули — основа солнечной электростанции.",
    "Фотоэлементтер мен модульдер — күн электр станциясының негізі.",
    "光伏电池和组件是光伏电站的核心。",
  ]),
  edge("26.11", "27.12", "supplies", [
    "Electronic components go into protection relays and controllers.",
    "Электронные компоненты идут в реле защиты и контроллеры.",
    "Электрондық компоненттер қорғаныс релелері мен контроллерлерге жұмсалады.",
    "电子元件用于保护继电器和控制器。",
  ]),
  edge("27.11", "35.11", "equips", [
    "Power plants need generators, inverters and step-up transformers.",
    "Электростанциям нужны генераторы, инверторы и повышающие трансформаторы.",
    "Электр станцияларына генераторлар, инверторлар және жоғарылатқыш трансформаторлар қажет.",
    "电站需要发电机、逆变器和升压变压器。",
  ]),
  edge("27.11", "35.12", "equips", [
    "Substations are built around power transformers.",
    "Подстанции строят вокруг силовых трансформаторов.",
    "Қосалқы станциялардың негізі — күштік трансформаторлар.",
    "变电站以电力变压器为核心。",
  ]),
  edge("27.11", "42.22", "equips", [
    "Grid contractors install transformers they buy.",
    "Подрядчики электросетевого строительства закупают и монтируют трансформаторы.",
    "Электр желілерін салатын мердігерлер трансформатор сатып алып, орнатады.",
    "电网工程承包商采购并安装变压器。",
  ]),
  edge("27.12", "35.11", "equips", [
    "Power plants need switchgear and protection.",
    "Электростанциям нужны распределительные устройства и защита.",
    "Электр станцияларына тарату құрылғылары мен қорғаныс қажет.",
    "电站需要开关设备和保护装置。",
  ]),
  edge("27.12", "35.12", "equips", [
    "Substations need switchgear, breakers and relays.",
    "Подстанциям нужны распределительные устройства, выключатели и реле.",
    "Қосалқы станцияларға тарату құрылғылары, ажыратқыштар мен релелер қажет.",
    "变电站需要开关柜、断路器和继电器。",
  ]),
  edge("27.12", "42.22", "equips", [
    "Grid contractors buy switchgear for the lines and substations they build.",
    "Подрядчики закупают распределительные устройства для строящихся линий и подстанций.",
    "Мердігерлер салынып жатқан желілер мен қосалқы станцияларға тарату құрылғыларын сатып алады.",
    "电网承包商为在建线路和变电站采购开关设备。",
  ]),
  edge("27.12", "43.21", "equips", [
    "Electricians install distribution boards and breakers.",
    "Электромонтажники устанавливают щиты и автоматические выключатели.",
    "Электр монтаждаушылар тарату қалқандары мен автоматты ажыратқыштарды орнатады.",
    "电气安装企业安装配电箱和断路器。",
  ]),
  edge("27.32", "43.21", "supplies", [
    "Electricians lay wires and cables.",
    "Электромонтажники прокладывают провода и кабели.",
    "Электр монтаждаушылар сымдар мен кабельдер тартады.",
    "电气安装企业敷设电线电缆。",
  ]),
  edge("27.32", "42.22", "supplies", [
    "Power lines and solar plants are built with cables.",
    "ЛЭП и солнечные станции строят с кабелем.",
    "Электр желілері мен күн станциялары кабельмен салынады.",
    "输电线路和光伏电站建设需要电缆。",
  ]),
  edge("27.32", "35.12", "supplies", [
    "Grid operators buy overhead conductors and cables.",
    "Сетевые компании закупают провода для ЛЭП и кабели.",
    "Желі компаниялары әуе желілерінің сымдары мен кабельдерін сатып алады.",
    "电网公司采购架空导线和电缆。",
  ]),
  edge("27.32", "27.11", "supplies", [
    "Winding wire goes into motors and transformers.",
    "Обмоточный провод идёт на двигатели и трансформаторы.",
    "Орама сымы қозғалтқыштар мен трансформаторларға жұмсалады.",
    "绕组线用于电机和变压器。",
  ]),
  edge("27.40", "43.21", "supplies", [
    "Electricians install luminaires.",
    "Электромонтажники устанавливают светильники.",
    "Электр монтаждаушылар шамдар орнатады.",
    "电气安装企业安装灯具。",
  ]),
  edge("27.40", "41.20", "supplies", [
    "Buildings are fitted with lighting.",
    "Здания оснащают осветительным оборудованием.",
    "Ғимараттар жарықтандыру жабдықтарымен жарақталады.",
    "建筑物需要安装照明设备。",
  ]),
  edge("27.90", "35.11", "equips", [
    "Solar plants need combiner boxes, connectors and other electrical equipment.",
    "Солнечным станциям нужны соединительные коробки, разъёмы и прочее электрооборудование.",
    "Күн станцияларына біріктіру қораптары, қосқыштар және басқа электр жабдықтары қажет.",
    "光伏电站需要汇流箱、连接器等电气设备。",
  ]),
  edge("27.90", "43.21", "supplies", [
    "Electricians fit sockets, connectors and accessories.",
    "Электромонтажники ставят розетки, соединители и арматуру.",
    "Электр монтаждаушылар розеткалар, қосқыштар мен керек-жарақтар орнатады.",
    "电气安装企业安装插座、连接器和附件。",
  ]),
  edge("25.11", "35.11", "supplies", [
    "Solar panels stand on steel and aluminium mounting structures.",
    "Солнечные панели ставят на стальные и алюминиевые опорные конструкции.",
    "Күн панельдері болат және алюминий тірек конструкцияларға орнатылады.",
    "光伏组件安装在钢铝支架上。",
  ]),
  edge("25.11", "41.20", "supplies", [
    "Steel frames for industrial buildings.",
    "Металлокаркасы промышленных зданий.",
    "Өнеркәсіптік ғимараттардың металл қаңқалары.",
    "钢结构用于工业厂房。",
  ]),
  edge("25.11", "42.22", "supplies", ["Transmission towers.", "Опоры ЛЭП.", "Электр желілерінің тіректері.", "输电铁塔。"]),
  edge("42.22", "35.11", "builds", [
    "Contractors build power plants for generators.",
    "Подрядчики строят электростанции для генерирующих компаний.",
    "Мердігерлер генерациялаушы компанияларға электр станцияларын салады.",
    "工程承包商为发电企业建设电站。",
  ]),
  edge("42.22", "35.12", "builds", [
    "Contractors build lines and substations for grid operators.",
    "Подрядчики строят ЛЭП и подстанции для сетевых компаний.",
    "Мердігерлер желі компанияларына электр желілері мен қосалқы станциялар салады.",
    "工程承包商为电网公司建设线路和变电站。",
  ]),
  edge("43.21", "41.20", "builds", [
    "Electricians wire buildings as subcontractors.",
    "Электромонтажники работают субподрядчиками на стройках зданий.",
    "Электр монтаждаушылар ғимарат құрылысында қосалқы мердігер болып жұмыс істейді.",
    "电气安装企业作为分包商承担建筑电气工程。",
  ]),
  edge("43.21", "35.11", "builds", [
    "Installers mount panels and lay cables at solar plants.",
    "Монтажники устанавливают панели и прокладывают кабели на солнечных станциях.",
    "Монтаждаушылар күн станцияларында панель орнатып, кабель тартады.",
    "安装企业在光伏电站安装组件、敷设电缆。",
  ]),
  edge("35.11", "35.12", "supplies", [
    "Generated electricity enters the transmission grid.",
    "Выработанная электроэнергия поступает в магистральные сети.",
    "Өндірілген электр энергиясы магистральдық желіге түседі.",
    "所发电力送入输电网。",
  ]),
  // Building materials
  edge("23.51", "23.61", "supplies", [
    "Cement is cast into concrete products.",
    "Из цемента делают бетонные изделия.",
    "Цементтен бетон бұйымдары жасалады.",
    "水泥用于生产混凝土制品。",
  ]),
  edge("23.51", "41.20", "supplies", [
    "Cement for building sites.",
    "Цемент для строек.",
    "Құрылыс алаңдарына арналған цемент.",
    "水泥用于建筑工地。",
  ]),
  edge("23.61", "41.20", "supplies", [
    "Precast concrete for buildings.",
    "Сборный железобетон для зданий.",
    "Ғимараттарға арналған құрама темірбетон.",
    "预制混凝土构件用于房屋建筑。",
  ]),
  edge("23.61", "42.22", "supplies", [
    "Concrete poles and foundations for power lines.",
    "Бетонные опоры и фундаменты для ЛЭП.",
    "Электр желілеріне арналған бетон тіректер мен іргетастар.",
    "混凝土电杆和基础用于输电线路。",
  ]),
  edge("22.21", "41.20", "supplies", [
    "Plastic pipes and window profiles for buildings.",
    "Пластиковые трубы и оконные профили для зданий.",
    "Ғимараттарға арналған пластик құбырлар мен терезе профильдері.",
    "塑料管材和门窗型材用于房屋建筑。",
  ]),
  edge("22.21", "42.22", "supplies", [
    "Plastic ducts protect underground cables.",
    "Пластиковые трубы защищают подземные кабели.",
    "Пластик құбырлар жерасты кабельдерін қорғайды.",
    "塑料管用于保护地下电缆。",
  ]),
  // Wholesale between makers and users
  edge("13.20", "46.41", "trades", [
    "Weavers sell fabric through textile wholesalers.",
    "Ткацкие фабрики продают ткани через оптовиков.",
    "Тоқыма фабрикалары матаны көтерме саудагерлер арқылы сатады.",
    "织造厂通过纺织品批发商销售面料。",
  ]),
  edge("13.96", "46.41", "trades", [
    "Elastic and technical fabrics reach users through wholesalers.",
    "Эластичные и технические ткани доходят до потребителей через оптовиков.",
    "Серпімді және техникалық маталар тұтынушыға көтерме саудагерлер арқылы жетеді.",
    "弹力及产业用纺织品经批发商销售。",
  ]),
  edge("46.41", "14.13", "trades", [
    "Garment makers buy fabric from textile wholesalers.",
    "Швейные предприятия закупают ткани у оптовиков.",
    "Тігін кәсіпорындары матаны көтерме саудагерлерден сатып алады.",
    "服装厂从纺织品批发商采购面料。",
  ]),
  edge("14.13", "46.42", "trades", [
    "Outerwear is sold through clothing wholesalers.",
    "Верхнюю одежду продают через оптовиков.",
    "Сырт киім көтерме саудагерлер арқылы сатылады.",
    "外衣经服装批发商销售。",
  ]),
  edge("14.14", "46.42", "trades", [
    "Underwear is sold through clothing wholesalers.",
    "Нательное бельё продают через оптовиков.",
    "Іш киім көтерме саудагерлер арқылы сатылады.",
    "内衣经服装批发商销售。",
  ]),
  edge("15.20", "46.42", "trades", [
    "Footwear is sold through wholesalers and distributors.",
    "Обувь продают через оптовиков и дистрибьюторов.",
    "Аяқ киім көтерме саудагерлер мен дистрибьюторлар арқылы сатылады.",
    "鞋类经批发商和分销商销售。",
  ]),
  edge("27.12", "46.69", "trades", [
    "Switchgear is sold through electrical wholesalers.",
    "Распределительную аппаратуру продают через оптовиков электротоваров.",
    "Тарату аппаратурасы электр тауарларының көтерме саудагерлері арқылы сатылады.",
    "配电设备经电气批发商销售。",
  ]),
  edge("27.32", "46.69", "trades", [
    "Cables are sold through electrical wholesalers.",
    "Кабель продают через оптовиков электротоваров.",
    "Кабель электр тауарларының көтерме саудагерлері арқылы сатылады.",
    "电缆经电气批发商销售。",
  ]),
  edge("27.40", "46.69", "trades", [
    "Lighting is sold through electrical wholesalers.",
    "Светотехнику продают через оптовиков электротоваров.",
    "Жарықтандыру жабдықтары электр тауарларының көтерме саудагерлері арқылы сатылады.",
    "照明设备经电气批发商销售。",
  ]),
  edge("46.69", "43.21", "trades", [
    "Electricians buy from electrical wholesalers.",
    "Электромонтажники закупаются у оптовиков электротоваров.",
    "Электр монтаждаушылар электр тауарларының көтерме саудагерлерінен сатып алады.",
    "电气安装企业从电气批发商采购。",
  ]),
  edge("23.51", "46.73", "trades", [
    "Cement is sold through building-materials wholesalers.",
    "Цемент продают через оптовиков стройматериалов.",
    "Цемент құрылыс материалдарының көтерме саудагерлері арқылы сатылады.",
    "水泥经建材批发商销售。",
  ]),
  edge("22.21", "46.73", "trades", [
    "Plastic pipes and profiles are sold through building-materials wholesalers.",
    "Пластиковые трубы и профили продают через оптовиков стройматериалов.",
    "Пластик құбырлар мен профильдер құрылыс материалдарының көтерме саудагерлері арқылы сатылады.",
    "塑料管材型材经建材批发商销售。",
  ]),
  edge("46.73", "41.20", "trades", [
    "Builders buy from building-materials wholesalers.",
    "Строители закупаются у оптовиков стройматериалов.",
    "Құрылысшылар құрылыс материалдарының көтерме саудагерлерінен сатып алады.",
    "建筑企业从建材批发商采购。",
  ]),
  // Among the logistics classes themselves (the rule below covers everyone else)
  edge("49.20", "52.29", "supplies", [
    "Forwarders book rail capacity for their clients.",
    "Экспедиторы покупают у железной дороги провозные мощности для клиентов.",
    "Экспедиторлар клиенттері үшін теміржолдан тасымал қуатын сатып алады.",
    "货代为客户订购铁路运力。",
  ]),
  edge("49.41", "52.29", "supplies", [
    "Forwarders book trucks for their clients.",
    "Экспедиторы нанимают автоперевозчиков для клиентов.",
    "Экспедиторлар клиенттері үшін автотасымалдаушыларды жалдайды.",
    "货代为客户委托公路承运商。",
  ]),
  edge("52.10", "52.29", "supplies", [
    "Forwarders store and consolidate cargo in warehouses.",
    "Экспедиторы хранят и консолидируют грузы на складах.",
    "Экспедиторлар жүкті қоймаларда сақтап, біріктіреді.",
    "货代在仓库中存储和拼装货物。",
  ]),
];

/** Freight, warehousing and forwarding: the classes the logistics rule lets serve everyone else. */
export const LOGISTICS_CLASSES: readonly string[] = ["49.20", "49.41", "52.10", "52.29"];

export const LOGISTICS_RATIONALE: Localized = {
  kk: "Тауар шығаратын, сататын немесе салатын әр кәсіпорынға жүк тасымалы, қоймада сақтау және экспедиция қажет.",
  ru: "Любому предприятию, которое производит, продаёт или строит, нужны перевозка грузов, складирование и экспедирование.",
  zh: "凡是生产、销售或建设的企业都需要货物运输、仓储和货运代理服务。",
  en: "Every enterprise that makes, trades or builds needs freight, warehousing and forwarding.",
};

const LOGISTICS = new Set(LOGISTICS_CLASSES);

/** Whether the logistics rule applies: a logistics class and a class outside section H. */
function logisticsServes(a: string, b: string): boolean {
  return LOGISTICS.has(a) && isNaceClass(b) && naceClass(b)?.section !== "H";
}

/** How `a` stands to `b`, with the edge (null for the logistics rule and for "same") and its rationale. */
export interface ChainLink {
  relation: ChainRelation;
  edge: ValueChainEdge | null;
  rationale: Localized | null;
}

const SAME: ChainLink = { relation: "same", edge: null, rationale: null };

/** a → b → link, built once; lookups during ranking are two Map reads. */
const LINKS = new Map<string, Map<string, ChainLink>>();

function put(a: string, b: string, link: ChainLink): void {
  let row = LINKS.get(a);
  if (!row) {
    row = new Map();
    LINKS.set(a, row);
  }
  // A direct edge wins over the reverse one and over the logistics rule.
  const existing = row.get(b);
  if (!existing || (existing.relation !== "supplies" && link.relation === "supplies")) row.set(b, link);
}

for (const e of VALUE_CHAIN) {
  put(e.from, e.to, { relation: "supplies", edge: e, rationale: e.rationale });
  put(e.to, e.from, { relation: "buys", edge: e, rationale: e.rationale });
}
for (const l of LOGISTICS_CLASSES) {
  for (const c of NACE_CODES) {
    if (!logisticsServes(l, c)) continue;
    if (!LINKS.get(l)?.has(c)) put(l, c, { relation: "serves", edge: null, rationale: LOGISTICS_RATIONALE });
    if (!LINKS.get(c)?.has(l)) put(c, l, { relation: "served_by", edge: null, rationale: LOGISTICS_RATIONALE });
  }
}

/**
 * How class `a` stands to class `b`, from a's side: "supplies" (a → b is an edge), "buys"
 * (b → a), "same", "serves" (a is logistics, b is not) or "served_by"; null when unrelated.
 */
export function relation(a: string, b: string): ChainLink | null {
  if (a === b) return SAME;
  return LINKS.get(a)?.get(b) ?? null;
}

/** The edges into a class: who supplies it. */
export function suppliersOf(code: string): ValueChainEdge[] {
  return VALUE_CHAIN.filter((e) => e.to === code);
}

/** The edges out of a class: who buys from it. */
export function buyersOf(code: string): ValueChainEdge[] {
  return VALUE_CHAIN.filter((e) => e.from === code);
}

/**
 * Every class that supplies, buys, equals or serves (or is served by) any of `codes`, sorted:
 * the backend's SQL pre-filter for partner candidates. Unknown codes only bring themselves.
 */
export function relatedClasses(codes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const code of codes) {
    out.add(code);
    const row = LINKS.get(code);
    if (row) for (const other of row.keys()) out.add(other);
  }
  return [...out].sort();
}
