//! Word classes the tagger reads: titles before names, organisation and place head nouns, legal
//! forms, prepositions before places, speech verbs, words that are capitalised without being
//! names.
//!
//! The lists are written for this project from general knowledge of each language (none is taken
//! from a dataset). Rows of the parallel tables give one concept in every language (Russian |
//! Ukrainian | English | Spanish | German, variants separated by commas), so that a model trained
//! on Russian text finds the same class on the Ukrainian word: transfer across languages runs
//! through these classes. Cyrillic entries are matched by [`stem`] (every case form
//! of "міністр" is one entry); Latin ones in lower case, with a plural `s` dropped.

use super::features::hash_bytes;
use super::model::IdHasher;
use super::stem;
use parallax_model::Lang;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// Class bits.
pub const TITLE: u32 = 1;
pub const ORG_HEAD: u32 = 1 << 1;
pub const LEGAL: u32 = 1 << 2;
pub const LOC_HEAD: u32 = 1 << 3;
pub const LOC_PREP: u32 = 1 << 4;
pub const SPEECH: u32 = 1 << 5;
pub const TIME: u32 = 1 << 6;
pub const STOP: u32 = 1 << 7;
/// Words introducing a source ("по словам", "according to").
pub const SOURCE: u32 = 1 << 8;
/// Capitalised words that are not names (English months, "I", sentence adverbs).
pub const NOT_NAME: u32 = 1 << 9;
/// Lower-case words that join the parts of a name ("of", "de", "van", "für").
pub const CONNECTOR: u32 = 1 << 10;
/// Courtesy titles written capitalised before a name ("Mr", "пан", "Herr").
pub const HONORIFIC: u32 = 1 << 11;
/// Head nouns of events ("summit", "war", "election").
pub const EVENT_HEAD: u32 = 1 << 12;
/// Words that name kinds of equipment ("aircraft", "missile").
pub const EQUIPMENT_HEAD: u32 = 1 << 13;
/// Place words that stay outside a name in some conventions ("город", "місто", "city").
pub const SETTLEMENT: u32 = 1 << 14;
/// Words for streets and squares, written before the street's name in Slavic languages, Spanish
/// and French ("вулиця Шевченка", "ул. Ленина", "calle Mayor"); also [`LOC_HEAD`]s.
pub const STREET: u32 = 1 << 15;
/// Nouns for people that stand before a name and take no place after them, unlike many titles
/// ("мер Києва"): kinship, ranks, clergy, nobility, trades and occupations ("сотник Станімір",
/// "бабуся Ганна", "письменник Гоголь"); also [`TITLE`]s. The tagger reads the low 16 bits only; this one serves the rules.
pub const PERSON_NOUN: u32 = 1 << 16;
/// Head nouns of bodies' names the rules read besides the tagger's [`ORG_HEAD`]s
/// (the table `BODY_HEADS`); [`ANY_ORG_HEAD`] is either.
pub const BODY_HEAD: u32 = 1 << 18;
pub const ANY_ORG_HEAD: u32 = ORG_HEAD | BODY_HEAD;
/// Words that open sentences without being names (the table `OPENERS`); for the rules only.
pub const OPENER: u32 = 1 << 17;

/// Titles, offices and roles that stand before a person's name.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "президент|президент|president|presidente|präsident",
    "вице-президент|віце-президент|vice-president,vice president|vicepresidente|vizepräsident",
    "премьер,премьер-министр|прем'єр,прем’єр,прем'єр-міністр,прем’єр-міністр|premier,prime minister|primer ministro|premierminister,premier",
    "министр,замминистра|міністр|minister|ministro,ministra|minister,ministerin",
    "глава|голова|head|jefe|chef",
    "председатель|голова|chairman,chair,chairwoman|presidenta|vorsitzende,vorsitzender",
    "спикер|спікер|speaker|portavoz|sprecher,sprecherin",
    "пресс-секретарь|прес-секретар|spokesman,spokeswoman,spokesperson|vocero|regierungssprecher",
    "представитель|представник|representative|representante|vertreter",
    "посол|посол|ambassador|embajador|botschafter",
    "губернатор|губернатор|governor|gobernador|gouverneur",
    "мэр|мер|mayor|alcalde,alcaldesa|bürgermeister",
    "сенатор|сенатор|senator|senador|senator",
    "депутат,нардеп|депутат,нардеп|lawmaker,congressman,congresswoman,mp|diputado,diputada|abgeordnete,abgeordneter",
    "генерал|генерал|general|general|general",
    "полковник|полковник|colonel|coronel|oberst",
    "командующий,командир|командувач,командир|commander|comandante|kommandeur",
    "главнокомандующий|головнокомандувач|commander-in-chief|jefe militar|oberbefehlshaber",
    "канцлер|канцлер|chancellor|canciller|kanzler,kanzlerin",
    "король|король|king|rey|könig",
    "королева|королева|queen|reina|königin",
    "принц|принц|prince|príncipe|prinz",
    "патриарх|патріарх|patriarch|patriarca|patriarch",
    "директор,гендиректор|директор,гендиректор|director,ceo|director,directora|direktor,geschäftsführer",
    "основатель|засновник|founder|fundador|gründer",
    "лидер|лідер|leader|líder|anführer",
    "секретарь,генсек|секретар,генсек|secretary|secretario|sekretär",
    "дипломат|дипломат|diplomat|diplomático|diplomat",
    "прокурор,генпрокурор|прокурор,генпрокурор|prosecutor|fiscal|staatsanwalt",
    "судья|суддя|judge|juez|richter",
    "комиссар,еврокомиссар|комісар,єврокомісар|commissioner|comisario|kommissar",
    "заместитель,замглавы|заступник|deputy|vice|stellvertreter",
    "сотрудник|співробітник|official|funcionario|beamte",
    "военный|військовий|soldier|soldado|soldat",
    "министр обороны|міністр оборони|defence minister,defense minister|ministro de defensa|verteidigungsminister",
    "госсекретарь|держсекретар|secretary of state|secretario de estado|außenminister",
    "премьер-министр|прем'єр-міністр|prime minister|primer ministro|ministerpräsident",
    "омбудсмен|омбудсман|ombudsman|defensor del pueblo|ombudsmann",
    "глава мид|глава мзс|foreign minister|canciller|außenministerin",
    "шейх|шейх|sheikh|jeque|scheich",
    "эмир|емір|emir|emir|emir",
    "султан|султан|sultan|sultán|sultan",
    "аятолла|аятола|ayatollah|ayatolá|ajatollah",
    "кардинал|кардинал|cardinal|cardenal|kardinal",
    "митрополит|митрополит|metropolitan|metropolitano|metropolit",
    "епископ|єпископ|bishop|obispo|bischof",
    "маршал|маршал|marshal|mariscal|marschall",
    "адмирал|адмірал|admiral|almirante|admiral",
    "майор|майор|major|mayor|major",
    "капитан|капітан|captain|capitán|kapitän",
    "лейтенант|лейтенант|lieutenant|teniente|leutnant",
    "сержант|сержант|sergeant|sargento|feldwebel",
];

/// Nouns for people that stand before a name ([`PERSON_NOUN`]).
#[rustfmt::skip]
const PERSON_NOUNS: &[&str] = &[
    "журналист|журналіст|journalist,reporter|periodista|journalist",
    "аналитик|аналітик|analyst|analista|analyst",
    "эксперт|експерт|expert|experto|experte",
    "политик|політик|politician|político|politiker",
    "политолог|політолог|political scientist|politólogo|politologe",
    "бизнесмен|бізнесмен|businessman|empresario|unternehmer",
    "тренер|тренер|coach|entrenador|trainer",
    "актер,актриса|актор,акторка|actor,actress|actor,actriz|schauspieler",
    "певец,певица|співак,співачка|singer|cantante|sänger",
    "писатель|письменник|writer,author|escritor|schriftsteller",
    "профессор|професор|professor|profesor|professor",
    "академик|академік|academic|académico|akademiker",
    "доктор|доктор|doctor|doctor|doktor",
    "адвокат,юрист|адвокат,юрист|lawyer,attorney|abogado|anwalt",
    "следователь|слідчий|investigator|investigador|ermittler",
    "помощник|помічник|aide,assistant|asistente|berater",
    "советник|радник|adviser,advisor|asesor|berater",
    "диктатор|диктатор|dictator|dictador|diktator",
    "олигарх|олігарх|oligarch|oligarca|oligarch",
    "активист|активіст|activist|activista|aktivist",
    "блогер|блогер|blogger|bloguero|blogger",
    "оппозиционер|опозиціонер|opposition leader|opositor|oppositionelle",
    "мама|мама|mom,mum|mamá|mama",
    "папа|тато|dad|papá|papa",
    "бабушка|бабуся,баба|grandma,grandmother|abuela|oma,großmutter",
    "дедушка,дед|дідусь,дід|grandpa,grandfather|abuelo|opa,großvater",
    "дядя|дядько|uncle|tío|onkel",
    "тетя,тётя|тітка|aunt|tía|tante",
    "брат|брат|brother|hermano|bruder",
    "сестра|сестра|sister|hermana|schwester",
    "сын|син|son|hijo|sohn",
    "дочь,дочка|донька,дочка|daughter|hija|tochter",
    "жена|дружина|wife|esposa|ehefrau",
    "муж|чоловік|husband|marido|ehemann",
    "внук,внучка|онук,онука|grandson,granddaughter|nieto,nieta|enkel,enkelin",
    "кум,кума|кум,кума|||",
    "друг,подруга|друг,подруга|||",
    "сосед,соседка|сусід,сусідка|neighbour,neighbor|vecino,vecina|nachbar,nachbarin",
    "коллега|колега|colleague|colega|kollege,kollegin",
    "мальчик|хлопчик|||",
    "девочка|дівчинка|||",
    "рядовой|рядовий|||gefreiter",
    "солдат|солдат|soldier|soldado|soldat",
    "подполковник|підполковник|lieutenant colonel|teniente coronel|oberstleutnant",
    "поручик|поручник|||",
    "сотник|сотник|||",
    "хорунжий|хорунжий|||",
    "есаул|осавул|||",
    "атаман|отаман|ataman|atamán|ataman",
    "гетман|гетьман|hetman|hetman|hetman",
    "прапорщик|прапорщик|warrant officer||fähnrich",
    "ефрейтор|єфрейтор|corporal|cabo|obergefreiter",
    "курсант|курсант|cadet|cadete|kadett",
    "отец|отець|father|padre|pater",
    "священник|священик|priest|sacerdote|priester",
    "архиепископ|архієпископ|archbishop|arzobispo|erzbischof",
    "игумен|ігумен|abbot|abad|abt",
    "монах,монахиня|монах,черниця|monk,nun|monje,monja|mönch,nonne",
    "пастор|пастор|pastor|pastor|pastor",
    "святой,святая|святий|||",
    "царь,царица|цар,цариця|tsar,tsarina|zar,zarina|zar,zarin",
    "князь,княгиня,княжна|князь,княгиня,князівна|||fürst,fürstin",
    "граф,графиня|граф,графиня||conde,condesa|gräfin",
    "император,императрица|імператор,імператриця|emperor,empress|emperador,emperatriz|kaiserin",
    "барон,баронесса|барон,баронеса|baron,baroness|barón,baronesa|baron,baronin",
    "поэт,поэтесса|поет,поетеса|poet|poeta|dichter,dichterin",
    "художник,художница|художник,художниця|painter|pintor,pintora|maler,malerin",
    "композитор|композитор|composer|compositor|komponist",
    "режиссер,режиссёр|режисер|filmmaker|cineasta|regisseur",
    "учитель,учительница|вчитель,вчителька,учитель|teacher|maestro,maestra|lehrer,lehrerin",
    "врач|лікар|physician|médico|arzt,ärztin",
    "студент,студентка|студент,студентка|student|estudiante|student,studentin",
    "ученый,учёный|науковець,вчений|scientist|científico|wissenschaftler",
    "историк|історик|historian|historiador|historiker",
    "философ|філософ|philosopher|filósofo|philosoph",
    "музыкант|музикант|musician|músico|musiker",
    "артист,артистка|артист,артистка|||künstler",
    "спортсмен,спортсменка|спортсмен,спортсменка|athlete|atleta|sportler",
    "футболист|футболіст|footballer|futbolista|fußballer",
    "боксер,боксёр|боксер|boxer|boxeador|boxer",
    "волонтер,волонтёр|волонтер,волонтерка|volunteer|voluntario|freiwillige",
    "предприниматель|підприємець|entrepreneur|empresario|unternehmer",
    "инженер|інженер|engineer|ingeniero|ingenieur",
    "архитектор|архітектор|architect|arquitecto|architekt",
    "фотограф|фотограф|photographer|fotógrafo|fotograf",
    "хирург|хірург|surgeon|cirujano|chirurg",
    "пенсионер,пенсионерка|пенсіонер,пенсіонерка|pensioner|jubilado|rentner,rentnerin",
];

/// Courtesy titles, capitalised in Latin-script languages and kept outside the name.
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "господин,госпожа,г-н,г-жа|пан,пані,панове|mr,mrs,ms,miss,dr,sir,dame,lord,lady|señor,señora,sr,sra,don,doña|herr,frau,dr",
];

/// Head nouns of organisation names.
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "компания,авиакомпания|компанія,авіакомпанія|company,airline|compañía,empresa,aerolínea|unternehmen,firma,konzern",
    "партия|партія|party|partido|partei",
    "министерство,минобороны,минфин,минздрав|міністерство,міноборони,мінфін,мінздрав|ministry,department|ministerio|ministerium",
    "служба|служба|service|servicio|dienst",
    "банк,центробанк|банк,нацбанк|bank|banco|bank",
    "университет|університет|university|universidad|universität",
    "институт|інститут|institute|instituto|institut",
    "агентство|агентство|agency|agencia|agentur",
    "комитет|комітет|committee|comité|ausschuss,komitee",
    "совет|рада|council|consejo|rat",
    "фонд|фонд|fund,foundation|fondo,fundación|fonds,stiftung",
    "корпорация|корпорація|corporation|corporación|konzern",
    "концерн|концерн|concern|consorcio|konzern",
    "холдинг|холдинг|holding|holding|holding",
    "группа|група|group|grupo|gruppe",
    "движение|рух|movement|movimiento|bewegung",
    "союз|союз,спілка|union|unión|union,verband",
    "ассоциация|асоціація|association|asociación|verband,vereinigung",
    "федерация|федерація|federation|federación|föderation",
    "организация|організація|organization,organisation|organización|organisation",
    "суд|суд|court|tribunal,corte|gericht",
    "прокуратура,генпрокуратура|прокуратура,генпрокуратура|prosecutor's office|fiscalía|staatsanwaltschaft",
    "правительство|уряд|government|gobierno|regierung",
    "администрация|адміністрація|administration|administración|verwaltung",
    "парламент|парламент|parliament|parlamento|parlament",
    "дума,госдума|дума|duma|duma|duma",
    "церковь|церква|church|iglesia|kirche",
    "клуб|клуб|club|club|verein,klub",
    "газета|газета|newspaper|periódico,diario|zeitung",
    "телеканал,канал|телеканал,канал|channel,broadcaster|cadena,canal|sender",
    "радио,радиостанция|радіо,радіостанція|radio|radio|radio,rundfunk",
    "журнал|журнал|magazine|revista|magazin",
    "издание|видання|outlet,publication|medio|medium",
    "издательство|видавництво|publisher|editorial|verlag",
    "студия|студія|studio|estudio|studio",
    "театр|театр|theatre,theater|teatro|theater",
    "музей|музей|museum|museo|museum",
    "школа|школа|school|escuela|schule",
    "академия|академія|academy|academia|akademie",
    "колледж|коледж|college|colegio|kolleg",
    "больница|лікарня|hospital|hospital|krankenhaus",
    "клиника|клініка|clinic|clínica|klinik",
    "завод|завод|plant,works|planta|werk",
    "фабрика|фабрика|factory|fábrica|fabrik",
    "комбинат|комбінат|combine|combinado|kombinat",
    "управление|управління|directorate|dirección|direktion",
    "департамент|департамент|department|departamento|abteilung",
    "отдел|відділ,відділення|office,division|oficina|amt",
    "инспекция|інспекція|inspectorate|inspección|inspektion",
    "палата|палата|chamber|cámara|kammer",
    "собрание,ассамблея|збори,асамблея|assembly|asamblea|versammlung",
    "комиссия,еврокомиссия|комісія,єврокомісія|commission|comisión|kommission",
    "бюро|бюро|bureau|oficina|büro",
    "центр|центр|centre,center|centro|zentrum",
    "альянс|альянс|alliance|alianza|allianz,bündnis",
    "блок|блок|bloc|bloque|block",
    "фронт|фронт|front|frente|front",
    "армия|армія|army|ejército|armee",
    "войска|війська|troops|tropas|truppen",
    "силы|сили|forces|fuerzas|streitkräfte",
    "гвардия,нацгвардия|гвардія,нацгвардія|guard|guardia|garde",
    "полиция,нацполиция|поліція,нацполіція|police|policía|polizei",
    "милиция|міліція|militia|milicia|miliz",
    "бригада|бригада|brigade|brigada|brigade",
    "полк|полк|regiment|regimiento|regiment",
    "дивизия|дивізія|division|división|division",
    "батальон|батальйон|battalion|batallón|bataillon",
    "миссия|місія|mission|misión|mission",
    "посольство|посольство|embassy|embajada|botschaft",
    "консульство|консульство|consulate|consulado|konsulat",
    "кабинет,кабмин|кабінет,кабмін|cabinet|gabinete|kabinett",
    "офис|офіс|office|despacho|büro",
    "мэрия|мерія|city hall|ayuntamiento|rathaus",
    "горсовет,облсовет|міськрада,облрада|city council|concejo|stadtrat",
    "администрация,облгосадминистрация|адміністрація,облдержадміністрація,ова,ода|governor's office|gobernación|landesregierung",
    "кремль|кремль|kremlin|kremlin|kreml",
    "сенат|сенат|senate|senado|senat",
    "конгресс|конгрес|congress|congreso|kongress",
    "штаб|штаб|headquarters|cuartel|stab",
    "командование|командування|command|comando|kommando",
    "разведка|розвідка|intelligence|inteligencia|geheimdienst",
    "биржа|біржа|exchange|bolsa|börse",
    "объединение|об'єднання,об’єднання|union|agrupación|vereinigung",
    "общество|товариство|society|sociedad|gesellschaft",
    "предприятие,госпредприятие|підприємство,держпідприємство|enterprise|empresa|betrieb",
    "сеть|мережа|chain|cadena|kette",
    "лаборатория|лабораторія|laboratory|laboratorio|labor",
    "трибунал|трибунал|tribunal|tribunal|tribunal",
    "агентство|агенція|agency|agencia|behörde",
    "пресс-служба|пресслужба,прес-служба|press service|prensa|pressestelle",
    // Local government and public services, often written as compounds in Ukrainian and
    // Russian ("Макарівської райдержадміністрації", "Глибоцького райсуду").
    "райсовет,сельсовет,горисполком,райисполком,облисполком,исполком|райрада,сільрада,селищрада,міськвиконком,райвиконком,облвиконком,виконком|district council|concejo|gemeinderat",
    "госадминистрация,райгосадминистрация,райадминистрация|держадміністрація,райдержадміністрація,райадміністрація,рда|district administration|administración|kreisverwaltung",
    "райсуд,горсуд,облсуд,госсуд,арбитраж|райсуд,міськсуд,госпсуд,адмінсуд|district court|juzgado|amtsgericht",
    "лесхоз,леспромхоз,лесничество|лісгосп,держлісгосп,лісництво|forestry||forstamt",
    "таможня|митниця|customs|aduana|zoll",
    "училище,гимназия,лицей,техникум|училище,гімназія,ліцей,технікум|||",
    "интернат,пансионат|інтернат,пансіонат|||",
    "поликлиника,госпиталь|поліклініка,госпіталь|||",
    "библиотека|бібліотека|library|biblioteca|bibliothek",
    "консерватория|консерваторія|conservatory|conservatorio|konservatorium",
    "профсоюз|профспілка|trade union|sindicato|gewerkschaft",
    "телерадиокомпания|телерадіокомпанія|||",
    "редакция|редакція|||",
    "хозяйство|господарство|||",
    "кооператив|кооператив|cooperative|cooperativa|genossenschaft",
    "|залізниця|railway|ferrocarril|",
];

/// More head nouns of bodies' names, for the rules only: public institutions' and firms'
/// everyday words (Ukrainian "заклад", "контора", "дирекція", "загін").
#[rustfmt::skip]
const BODY_HEADS: &[&str] = &[
    "дирекция|дирекція|directorate|dirección|direktion",
    "контора|контора|office|oficina|kanzlei",
    "учреждение|заклад,установа|institution|institución|einrichtung",
    "лига|ліга|league|liga|liga",
    "отряд|загін|detachment|destacamento|abteilung",
];

/// Legal forms of companies (written before or after the name).
#[rustfmt::skip]
const LEGAL_FORMS: &[&str] = &[
    "ооо,оао,зао,пао,ао,нао,гуп,фгуп,муп,нко,ано,ип|тов,пат,прат,пп,дп,кп,ат,ват,зат,тзов,го,бф,фоп|inc,ltd,llc,plc,corp,co,lp,llp|sa,s.a.,sl,s.l.,sau|gmbh,ag,kg,se,ev,e.v.",
];

/// Head nouns of place names.
#[rustfmt::skip]
const LOC_HEADS: &[&str] = &[
    "область,обл|область,обл|region,oblast|región,provincia|region,oblast",
    "район,районов|район,районів|district|distrito|bezirk,kreis",
    "край|край|territory,krai|territorio|gebiet",
    "республика|республіка|republic|república|republik",
    "штат|штат|state|estado|bundesstaat",
    "провинция|провінція|province|provincia|provinz",
    "округ|округ|county|condado|landkreis",
    "регион|регіон|region|región|region",
    "река|річка,ріка|river|río|fluss",
    "озеро|озеро|lake|lago|see",
    "море|море|sea|mar|meer",
    "океан|океан|ocean|océano|ozean",
    "залив|затока|gulf,bay|golfo,bahía|golf,bucht",
    "пролив|протока|strait|estrecho|straße",
    "остров,острова|острів,острови|island|isla|insel",
    "полуостров|півострів|peninsula|península|halbinsel",
    "гора,горы|гора,гори|mountain,mount|montaña,monte|berg",
    "хребет|хребет|range|cordillera|gebirge",
    "долина|долина|valley|valle|tal",
    "пустыня|пустеля|desert|desierto|wüste",
    "аэропорт|аеропорт|airport|aeropuerto|flughafen",
    "вокзал|вокзал|station|estación|bahnhof",
    "порт|порт|port|puerto|hafen",
    "мост|міст|bridge|puente|brücke",
    "канал|канал|canal|canal|kanal",
    "парк|парк|park|parque|park",
    "сквер|сквер|garden|jardín|garten",
    "кладбище|кладовище|cemetery|cementerio|friedhof",
    "трасса|траса|road|ruta|fernstraße",
    "префектура|префектура|prefecture|prefectura|präfektur",
    "губерния|губернія|governorate|gobernación|gouvernement",
    "автономия|автономія|autonomy|autonomía|autonomie",
    "побережье|узбережжя|coast|costa|küste",
    "микрорайон|мікрорайон|neighbourhood|barrio|viertel",
    "рынок,рынка,рынке|ринок,ринку|market|mercado|markt",
    "сад|сад|garden|jardín|garten",
    "роща|гай,гаю|grove|arboleda|hain",
    "лес|ліс|forest|bosque|wald",
    "урочище|урочище|tract|paraje|flur",
    "пруд|ставок,ставку|pond|estanque|teich",
    "водохранилище|водосховище|reservoir|embalse|stausee",
    "месторождение|родовище|field|yacimiento|lagerstätte",
    "заповедник|заповідник|reserve|reserva|reservat",
    "лиман|лиман|estuary|estuario|liman",
    "бухта|бухта|cove|cala|bucht",
    "перевал|перевал|pass|puerto|pass",
    "водопад|водоспад|falls,waterfall|cascada|wasserfall",
    "пещера|печера|cave|cueva|höhle",
    "равнина,низменность|рівнина,низовина|plain,lowland|llanura|ebene",
    "плато|плато|plateau|meseta|plateau",
];

/// Streets and squares (their abbreviations are written with a full stop: "вул.", "пр-т").
#[rustfmt::skip]
const STREETS: &[&str] = &[
    "улица,ул|вулиця,вул|street,st|calle|straße,strasse",
    "проспект,пр-т,просп|проспект,просп|avenue,ave|avenida|allee",
    "площадь,пл|площа,пл|square|plaza|platz",
    "переулок,пер|провулок,пров|lane|callejón|gasse",
    "бульвар,б-р|бульвар,бульв,б-р|boulevard|bulevar|boulevard",
    "шоссе|шосе|highway|carretera|chaussee",
    "набережная,наб|набережна,наб|embankment|malecón|ufer",
    "проезд|проїзд|drive|pasaje|weg",
    "спуск|узвіз,узвозу,узвозі|descent|cuesta|steige",
    "аллея|алея|alley|alameda|allee",
    "тупик|тупик|close|callejón|sackgasse",
    "майдан|майдан|maidan|plaza|platz",
];

/// Settlement words (kept apart from the place's name in some conventions).
#[rustfmt::skip]
const SETTLEMENTS: &[&str] = &[
    "город,г|місто,м|city,town|ciudad|stadt",
    "село,с|село,с|village|pueblo|dorf",
    "поселок,посёлок,пгт|селище,смт|settlement|localidad|siedlung",
    "деревня|хутір|hamlet|aldea|weiler",
    "станица|станиця|stanitsa|stanitsa|staniza",
    "столица|столиця|capital|capital|hauptstadt",
];

/// Head nouns of named events.
#[rustfmt::skip]
const EVENT_HEADS: &[&str] = &[
    "саммит|саміт|summit|cumbre|gipfel",
    "война|війна|war|guerra|krieg",
    "выборы|вибори|election,elections|elecciones|wahl,wahlen",
    "конференция|конференція|conference|conferencia|konferenz",
    "форум|форум|forum|foro|forum",
    "олимпиада|олімпіада|olympics|olimpiadas|olympiade",
    "чемпионат|чемпіонат|championship|campeonato|meisterschaft",
    "фестиваль|фестиваль|festival|festival|festival",
    "революция|революція|revolution|revolución|revolution",
    "операция|операція|operation|operación|operation",
    "кризис|криза|crisis|crisis|krise",
    "переговоры|переговори|talks|negociaciones|verhandlungen",
];

/// Words for kinds of equipment.
#[rustfmt::skip]
const EQUIPMENT_HEADS: &[&str] = &[
    "самолет,самолёт|літак|aircraft,plane,jet|avión|flugzeug",
    "истребитель|винищувач|fighter|caza|kampfjet",
    "бомбардировщик|бомбардувальник|bomber|bombardero|bomber",
    "вертолет,вертолёт|гелікоптер,вертоліт|helicopter|helicóptero|hubschrauber",
    "ракета|ракета|missile,rocket|misil,cohete|rakete",
    "танк|танк|tank|tanque|panzer",
    "корабль|корабель|ship,warship|buque|schiff",
    "подлодка|підводний|submarine|submarino|u-boot",
    "дрон,беспилотник|дрон,безпілотник|drone|dron|drohne",
    "комплекс,зрк|комплекс,зрк|system|sistema|system",
    "крейсер|крейсер|cruiser|crucero|kreuzer",
    "фрегат|фрегат|frigate|fragata|fregatte",
    "авианосец|авіаносець|carrier|portaaviones|flugzeugträger",
    "гаубица|гаубиця|howitzer|obús|haubitze",
];

/// Speech and report verbs (a name before one is often a person or a body).
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "заявил,заявила,заявили,заявляет,заявлял|заявив,заявила,заявили,заявляє|said,says,say|dijo,dice,afirmó|sagte,sagt,erklärte",
    "сказал,сказала,сказали|сказав,сказала,сказали|told|contó|erzählte",
    "сообщил,сообщила,сообщили,сообщает|повідомив,повідомила,повідомили,повідомляє|reported,reports|informó,comunicó|berichtete,meldete,teilte",
    "отметил,отметила,отметили|зазначив,зазначила,зазначили,відзначив|noted|señaló|betonte",
    "подчеркнул,подчеркнула|наголосив,наголосила,підкреслив|stressed,emphasized,emphasised|subrayó,destacó|unterstrich",
    "добавил,добавила|додав,додала|added|añadió,agregó|fügte",
    "считает,считают|вважає,вважають|believes,thinks|cree,considera|glaubt,meint",
    "пояснил,пояснила|пояснив,пояснила|explained|explicó|erläuterte",
    "написал,написала|написав,написала|wrote,writes|escribió|schrieb",
    "рассказал,рассказала|розповів,розповіла|recounted|relató|berichtete",
    "признал,признала|визнав,визнала|admitted,acknowledged|admitió,reconoció|räumte",
    "говорит,говорят|каже,кажуть|tells|declara|spricht",
    "утверждает|стверджує|claims,claimed|sostiene|behauptet",
    "заверил,заверила|запевнив,запевнила|assured|aseguró|versicherte",
    "объявил,объявила|оголосив,оголосила|announced,announces|anunció|kündigte",
    "предупредил,предупредила|попередив,попередила|warned,warns|advirtió|warnte",
    "призвал,призвала|закликав,закликала|urged,called|instó,pidió|forderte",
    "ответил,ответила|відповів,відповіла|replied,responded|respondió|antwortete",
    "подтвердил,подтвердила|підтвердив,підтвердила|confirmed|confirmó|bestätigte",
    "опроверг,опровергла|спростував,спростувала|denied|negó|dementierte",
    "встретился,встретилась|зустрівся,зустрілася|met|reunió|traf",
    "провел,провёл,провела|провів,провела|held|celebró|hielt",
    "подписал,подписала|підписав,підписала|signed|firmó|unterzeichnete",
    "посетил,посетила|відвідав,відвідала|visited|visitó|besuchte",
];

/// Words introducing a source or a person.
#[rustfmt::skip]
const SOURCE_WORDS: &[&str] = &[
    "словам,мнению,данным|словами,думку,даними|according|según|laut,zufolge",
];

/// Prepositions that stand before places.
#[rustfmt::skip]
const LOC_PREPS: &[&str] = &[
    "в,во,на,из,до,под,около,возле,у,через,над,близ,вблизи,из-под|в,у,на,із,до,під,біля,поблизу,через,над|in,from,to,near,across,into,at,outside|en,desde,hacia,cerca|in,aus,nach,bei,im,nahe",
];

/// Lower-case words that may stand inside a name (English "of", Spanish "de", German "von").
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "|||de,del,la,las,los,y|von,van,der,des,für,und,zu",
    "||of,the,for,and,on,de,von,van,der,al,bin,da,di,du,le,la|e|den,dem,vom,zur,zum",
];

/// Latin-script words that are capitalised without being names.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "||january,february,march,april,may,june,july,august,september,october,november,december,jan,feb,mar,apr,jun,jul,aug,sep,sept,oct,nov,dec|enero,febrero,marzo,abril,mayo,junio,julio,agosto,septiembre,octubre,noviembre,diciembre|januar,februar,märz,april,mai,juni,juli,august,september,oktober,november,dezember",
    "||monday,tuesday,wednesday,thursday,friday,saturday,sunday|lunes,martes,miércoles,jueves,viernes,sábado,domingo|montag,dienstag,mittwoch,donnerstag,freitag,samstag,sonntag",
    "||i,i'm,i've,i'll,ok,okay,breaking,update,updated,exclusive,analysis,opinion,live,watch,read,photo,video,editor,note|el,la,los,las,un,una|der,die,das,ein,eine,ich,sie,er,es,wir",
    // Abbreviations of common nouns, written in capitals like the names of bodies: the media,
    // taxes, the economy, utilities, accidents, diseases, standards, military operations.
    "сми,ндс,ндфл,ввп,жкх,тсж,дтп,чс,вич,спид,гост,сво|змі,пдв,пдфо,ввп,жкг,осбб,дтп,нс,віл,снід,дсту,ато,оос|gdp,vat|pib,iva|bip,mwst",
];

/// Adverbs, particles and interjections that open sentences, capitalised only there ("Іноді
/// Маріо …", "Нині Єфімов …", "Обидва Колеснікови …").
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "иногда,ныне,нынче,теперь,скоро,потом,тогда,уже,ещё,еще,даже,также,тоже,именно,вдруг,снова,опять,часто,всегда,никогда,вот,ой,ах,эх,ну,здесь,там,тут,однако,впрочем,конечно,наверное,возможно,вероятно,оба,обе|іноді,інколи,нині,тепер,скоро,потім,тоді,вже,уже,ще,навіть,також,теж,саме,раптом,знову,знов,часто,завжди,ніколи,ось,ой,ах,ех,ну,тут,там,однак,проте,звісно,мабуть,можливо,ймовірно,обидва,обидві,обоє|||",
];

/// Temporal words (month names in the forms dates use, weekdays) in Cyrillic languages.
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "январь,января,февраль,февраля,март,марта,апрель,апреля,май,мая,июнь,июня,июль,июля,август,августа,сентябрь,сентября,октябрь,октября,ноябрь,ноября,декабрь,декабря|січень,січня,лютий,лютого,березень,березня,квітень,квітня,травень,травня,червень,червня,липень,липня,серпень,серпня,вересень,вересня,жовтень,жовтня,листопад,листопада,грудень,грудня|||",
    "понедельник,вторник,среда,среду,четверг,пятница,пятницу,суббота,субботу,воскресенье|понеділок,вівторок,середа,середу,четвер,п'ятниця,п'ятницю,субота,суботу,неділя,неділю|||",
    "год,года,году,лет,века,век|рік,року,році,років,століття|year|año|jahr",
    "вчера,сегодня,завтра,днями,недавно,ранее,позже,накануне,сейчас|вчора,учора,сьогодні,завтра,днями,нещодавно,раніше,згодом,напередодні,зараз|yesterday,today,tomorrow|ayer,hoy,mañana|gestern,heute,morgen",
];

const COLUMNS: [Lang; 5] = [Lang::Ru, Lang::Uk, Lang::En, Lang::Es, Lang::De];

/// The lexicon of one language: word key to class bits, keyed by the same hashes the tagger
/// computes for every token anyway (of the folded lower-case form, and of its stem).
pub struct Lexicon {
    /// Titles that end German compounds ("Kremlsprecher", "Außenminister").
    compound_titles: Vec<String>,
    map: HashMap<String, u32>,
    by_lower: HashMap<u32, u32, BuildHasherDefault<IdHasher>>,
    by_stem: HashMap<u32, u32, BuildHasherDefault<IdHasher>>,
}

fn key(word: &str, lang: Lang) -> String {
    let lower = super::fold::fold(word, lang == Lang::Uk);
    if is_latin_lang(lang) {
        lower
    } else {
        stem(&lower).to_string()
    }
}

pub fn is_latin_lang(lang: Lang) -> bool {
    !matches!(lang, Lang::Uk | Lang::Ru)
}

fn build(lang: Lang) -> Lexicon {
    let col = COLUMNS.iter().position(|&l| l == lang);
    let mut map: HashMap<String, u32> = HashMap::new();
    let tables: [(&[&str], u32); 18] = [
        (TITLES, TITLE),
        (PERSON_NOUNS, TITLE | PERSON_NOUN),
        (HONORIFICS, HONORIFIC),
        (ORG_HEADS, ORG_HEAD),
        (BODY_HEADS, BODY_HEAD),
        (LEGAL_FORMS, LEGAL),
        (LOC_HEADS, LOC_HEAD),
        (STREETS, LOC_HEAD | STREET),
        (SETTLEMENTS, SETTLEMENT),
        (EVENT_HEADS, EVENT_HEAD),
        (EQUIPMENT_HEADS, EQUIPMENT_HEAD),
        (SPEECH_VERBS, SPEECH),
        (SOURCE_WORDS, SOURCE),
        (LOC_PREPS, LOC_PREP),
        (CONNECTORS, CONNECTOR),
        (NOT_NAMES, NOT_NAME),
        (OPENERS, OPENER),
        (TIME_WORDS, TIME),
    ];
    for (rows, class) in tables {
        for row in rows {
            let cells: Vec<&str> = row.split('|').collect();
            let Some(cell) = col.and_then(|c| cells.get(c)) else { continue };
            for entry in cell.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                // Multi-word entries are looked up by their head: the last word in English
                // ("prime minister"), the first in Slavic languages and before "of"/"de"
                // ("министр обороны", "secretary of state").
                let words: Vec<&str> = entry.split(' ').collect();
                let joined = words.iter().any(|w| matches!(*w, "of" | "de" | "del"));
                let head = if is_latin_lang(lang) && !joined {
                    words.last().copied().unwrap_or(entry)
                } else {
                    words.first().copied().unwrap_or(entry)
                };
                *map.entry(key(head, lang)).or_default() |= class;
            }
        }
    }
    let pack = crate::lang::packs::pack(lang);
    for w in pack.function_words.iter().chain(pack.sentences.starters) {
        *map.entry(key(w, lang)).or_default() |= STOP;
    }
    // Function words are never heads of names, whatever else a short stem collides with.
    for v in map.values_mut() {
        if *v & STOP != 0 {
            *v &= STOP | LOC_PREP | CONNECTOR | NOT_NAME;
        }
    }
    let mut by_lower = HashMap::default();
    let mut by_stem = HashMap::default();
    for (k, v) in &map {
        by_lower.insert(hash_bytes(1, k.as_bytes()), *v);
        by_stem.insert(hash_bytes(2, k.as_bytes()), *v);
    }
    let compound_titles = if lang == Lang::De {
        map.iter()
            .filter(|(k, v)| **v & TITLE != 0 && k.chars().count() >= 5)
            .map(|(k, _)| k.clone())
            .collect()
    } else {
        Vec::new()
    };
    Lexicon { compound_titles, map, by_lower, by_stem }
}

static LEXICONS: LazyLock<Vec<(Lang, Lexicon)>> =
    LazyLock::new(|| COLUMNS.iter().map(|&l| (l, build(l))).collect());

/// The lexicon for `lang` (Russian for unsupported Cyrillic, English for other Latin text).
pub fn lexicon(lang: Lang) -> &'static Lexicon {
    let want = match lang {
        Lang::Uk | Lang::Ru | Lang::En | Lang::Es | Lang::De => lang,
        _ => Lang::En,
    };
    LEXICONS.iter().find(|(l, _)| *l == want).map(|(_, x)| x).unwrap_or(&LEXICONS[0].1)
}

impl Lexicon {
    /// The classes of a token from its hashes ([`super::features::Tok::h_lower`] and `h_stem`);
    /// `lower` is needed for the plural rule of Latin-script words.
    pub fn classes_hashed(&self, lower: &str, h_lower: u32, h_stem: u32, latin: bool) -> u32 {
        if latin {
            if let Some(&c) = self.by_lower.get(&h_lower) {
                return c;
            }
            if !self.compound_titles.is_empty()
                && lower.len() >= 8
                && self.compound_titles.iter().any(|t| lower.ends_with(t.as_str()))
            {
                return TITLE;
            }
            if let Some(s) = lower.strip_suffix('s').filter(|s| s.len() > 3) {
                let c = self.by_lower.get(&hash_bytes(1, s.as_bytes())).copied().unwrap_or(0);
                return c & !(STOP | CONNECTOR | NOT_NAME);
            }
            0
        } else {
            self.by_lower.get(&h_lower).copied().unwrap_or(0)
                | self.by_stem.get(&h_stem).copied().unwrap_or(0)
        }
    }

    /// The classes of a word, given in lower case and as its stem.
    pub fn classes(&self, lower: &str, stem: &str, latin: bool) -> u32 {
        if latin {
            if let Some(&c) = self.map.get(lower) {
                return c;
            }
            if let Some(s) = lower.strip_suffix('s').filter(|s| s.len() > 3) {
                return self.map.get(s).copied().unwrap_or(0) & !(STOP | CONNECTOR | NOT_NAME);
            }
            0
        } else {
            let exact = self.map.get(lower).copied().unwrap_or(0);
            exact | self.map.get(stem).copied().unwrap_or(0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(w: &str, lang: Lang) -> u32 {
        let lower = super::super::fold::fold(w, lang == Lang::Uk);
        lexicon(lang).classes(&lower, stem(&lower), is_latin_lang(lang))
    }

    #[test]
    fn tables_have_five_columns() {
        for table in [
            TITLES,
            PERSON_NOUNS,
            HONORIFICS,
            ORG_HEADS,
            BODY_HEADS,
            LEGAL_FORMS,
            LOC_HEADS,
            STREETS,
            SETTLEMENTS,
            EVENT_HEADS,
            EQUIPMENT_HEADS,
            SPEECH_VERBS,
            SOURCE_WORDS,
            LOC_PREPS,
            CONNECTORS,
            NOT_NAMES,
            OPENERS,
            TIME_WORDS,
        ] {
            for row in table {
                assert_eq!(row.split('|').count(), 5, "{row}");
            }
        }
    }

    #[test]
    fn inflected_forms_find_their_class() {
        assert!(classes("президента", Lang::Ru) & TITLE != 0);
        assert!(classes("міністра", Lang::Uk) & TITLE != 0);
        assert!(classes("партії", Lang::Uk) & ORG_HEAD != 0);
        assert!(classes("компании", Lang::Ru) & ORG_HEAD != 0);
        assert!(classes("області", Lang::Uk) & LOC_HEAD != 0);
        assert!(classes("вулиці", Lang::Uk) & (LOC_HEAD | STREET) == LOC_HEAD | STREET);
        assert!(classes("улице", Lang::Ru) & STREET != 0);
        assert!(classes("сотником", Lang::Uk) & (TITLE | PERSON_NOUN) == TITLE | PERSON_NOUN);
        assert_eq!(classes("мером", Lang::Uk) & PERSON_NOUN, 0);
        assert!(classes("заявив", Lang::Uk) & SPEECH != 0);
        assert!(classes("ministers", Lang::En) & TITLE != 0);
        assert!(classes("October", Lang::En) & NOT_NAME != 0);
        assert!(classes("у", Lang::Uk) & LOC_PREP != 0);
        assert_eq!(classes("Морено", Lang::Uk), 0);
    }
}
