"""The office's survey questions, in every language of the portal."""

from django.db import migrations

LANGUAGES = ("pl", "en", "de", "it", "cs", "hu", "ro", "bg")

QUESTIONS = [
    {
        "kind": "multiple",
        "prompt": {
            "pl": "Co utrudnia Państwa współpracę z innymi firmami i instytucjami?",
            "en": "What makes co-operation with other firms and institutions difficult for you?",
            "de": "Was erschwert Ihnen die Zusammenarbeit mit anderen Unternehmen und Institutionen?",
            "it": "Che cosa ostacola la collaborazione della Sua azienda con altre imprese e istituzioni?",
            "cs": "Co Vám ztěžuje spolupráci s jinými firmami a institucemi?",
            "hu": "Mi nehezíti az Önök együttműködését más vállalkozásokkal és intézményekkel?",
            "ro": "Ce îngreunează cooperarea dumneavoastră cu alte firme și instituții?",
            "bg": "Какво затруднява сътрудничеството Ви с други фирми и институции?",
        },
        "help_text": {
            "pl": "Można zaznaczyć kilka odpowiedzi.",
            "en": "You can choose more than one answer.",
            "de": "Mehrfachnennungen sind möglich.",
            "it": "È possibile selezionare più risposte.",
            "cs": "Můžete označit více odpovědí.",
            "hu": "Több válasz is megjelölhető.",
            "ro": "Puteți bifa mai multe răspunsuri.",
            "bg": "Можете да отбележите повече от един отговор.",
        },
        "choices": [
            {
                "pl": "brak informacji o potencjalnych partnerach",
                "en": "no information about possible partners",
                "de": "fehlende Informationen über potenzielle Partner",
                "it": "mancanza di informazioni su potenziali partner",
                "cs": "nedostatek informací o potenciálních partnerech",
                "hu": "információhiány a lehetséges partnerekről",
                "ro": "lipsa informațiilor despre potențiali parteneri",
                "bg": "липса на информация за потенциални партньори",
            },
            {
                "pl": "bariery językowe",
                "en": "language barriers",
                "de": "Sprachbarrieren",
                "it": "barriere linguistiche",
                "cs": "jazykové bariéry",
                "hu": "nyelvi akadályok",
                "ro": "bariere lingvistice",
                "bg": "езикови бариери",
            },
            {
                "pl": "brak zaufania między firmami",
                "en": "lack of trust between firms",
                "de": "mangelndes Vertrauen zwischen Unternehmen",
                "it": "mancanza di fiducia tra le imprese",
                "cs": "nedostatek důvěry mezi firmami",
                "hu": "a vállalkozások közötti bizalom hiánya",
                "ro": "lipsa de încredere între firme",
                "bg": "липса на доверие между фирмите",
            },
            {
                "pl": "brak środków finansowych",
                "en": "lack of funds",
                "de": "fehlende finanzielle Mittel",
                "it": "mancanza di risorse finanziarie",
                "cs": "nedostatek finančních prostředků",
                "hu": "pénzügyi források hiánya",
                "ro": "lipsa resurselor financiare",
                "bg": "липса на финансови средства",
            },
            {
                "pl": "odległość i koszty transportu",
                "en": "distance and transport costs",
                "de": "Entfernung und Transportkosten",
                "it": "distanza e costi di trasporto",
                "cs": "vzdálenost a náklady na dopravu",
                "hu": "távolság és szállítási költségek",
                "ro": "distanța și costurile de transport",
                "bg": "разстояние и транспортни разходи",
            },
            {
                "pl": "procedury administracyjne",
                "en": "administrative procedures",
                "de": "Verwaltungsverfahren",
                "it": "procedure amministrative",
                "cs": "administrativní postupy",
                "hu": "adminisztratív eljárások",
                "ro": "procedurile administrative",
                "bg": "административни процедури",
            },
            {
                "pl": "brak czasu lub pracowników",
                "en": "lack of time or staff",
                "de": "Zeit- oder Personalmangel",
                "it": "mancanza di tempo o di personale",
                "cs": "nedostatek času nebo pracovníků",
                "hu": "idő- vagy munkaerőhiány",
                "ro": "lipsa de timp sau de personal",
                "bg": "липса на време или персонал",
            },
        ],
    },
    {
        "kind": "multiple",
        "prompt": {
            "pl": "W jakich dziedzinach Państwa pracownicy potrzebują szkoleń?",
            "en": "In which fields do your staff need training?",
            "de": "In welchen Bereichen besteht bei Ihren Beschäftigten Schulungsbedarf?",
            "it": "In quali ambiti il personale della Sua azienda ha bisogno di formazione?",
            "cs": "V jakých oblastech potřebují Vaši zaměstnanci školení?",
            "hu": "Mely területeken igényelnek képzést az Önök munkatársai?",
            "ro": "În ce domenii au nevoie de instruire angajații dumneavoastră?",
            "bg": "В кои области Вашите служители се нуждаят от обучение?",
        },
        "help_text": {
            "pl": "Można zaznaczyć kilka odpowiedzi.",
            "en": "You can choose more than one answer.",
            "de": "Mehrfachnennungen sind möglich.",
            "it": "È possibile selezionare più risposte.",
            "cs": "Můžete označit více odpovědí.",
            "hu": "Több válasz is megjelölhető.",
            "ro": "Puteți bifa mai multe răspunsuri.",
            "bg": "Можете да отбележите повече от един отговор.",
        },
        "choices": [
            {
                "pl": "języki obce",
                "en": "foreign languages",
                "de": "Fremdsprachen",
                "it": "lingue straniere",
                "cs": "cizí jazyky",
                "hu": "idegen nyelvek",
                "ro": "limbi străine",
                "bg": "чужди езици",
            },
            {
                "pl": "eksport i handel zagraniczny",
                "en": "export and foreign trade",
                "de": "Export und Außenhandel",
                "it": "esportazione e commercio estero",
                "cs": "export a zahraniční obchod",
                "hu": "export és külkereskedelem",
                "ro": "export și comerț exterior",
                "bg": "износ и външна търговия",
            },
            {
                "pl": "bezpieczeństwo żywności i normy jakości",
                "en": "food safety and quality standards",
                "de": "Lebensmittelsicherheit und Qualitätsnormen",
                "it": "sicurezza alimentare e standard di qualità",
                "cs": "bezpečnost potravin a normy kvality",
                "hu": "élelmiszer-biztonság és minőségi szabványok",
                "ro": "siguranța alimentară și standardele de calitate",
                "bg": "безопасност на храните и стандарти за качество",
            },
            {
                "pl": "nowe technologie i automatyzacja",
                "en": "new technologies and automation",
                "de": "neue Technologien und Automatisierung",
                "it": "nuove tecnologie e automazione",
                "cs": "nové technologie a automatizace",
                "hu": "új technológiák és automatizálás",
                "ro": "tehnologii noi și automatizare",
                "bg": "нови технологии и автоматизация",
            },
            {
                "pl": "zarządzanie i marketing",
                "en": "management and marketing",
                "de": "Management und Marketing",
                "it": "gestione e marketing",
                "cs": "řízení a marketing",
                "hu": "menedzsment és marketing",
                "ro": "management și marketing",
                "bg": "управление и маркетинг",
            },
            {
                "pl": "fundusze unijne i przygotowanie projektów",
                "en": "EU funds and preparing projects",
                "de": "EU-Fördermittel und Projektvorbereitung",
                "it": "fondi UE e preparazione di progetti",
                "cs": "fondy EU a příprava projektů",
                "hu": "uniós források és projektelőkészítés",
                "ro": "fonduri UE și pregătirea proiectelor",
                "bg": "европейски фондове и подготовка на проекти",
            },
            {
                "pl": "umiejętności cyfrowe",
                "en": "digital skills",
                "de": "digitale Kompetenzen",
                "it": "competenze digitali",
                "cs": "digitální dovednosti",
                "hu": "digitális készségek",
                "ro": "competențe digitale",
                "bg": "дигитални умения",
            },
        ],
    },
    {
        "kind": "yes_no",
        "prompt": {
            "pl": "Czy są Państwo zainteresowani wizytami studyjnymi w firmach i klastrach za granicą?",
            "en": "Are you interested in study visits to firms and clusters abroad?",
            "de": "Sind Sie an Studienbesuchen bei Unternehmen und Clustern im Ausland interessiert?",
            "it": "La Sua azienda è interessata a visite di studio presso imprese e cluster all'estero?",
            "cs": "Máte zájem o studijní návštěvy ve firmách a klastrech v zahraničí?",
            "hu": "Érdekelnék Önöket külföldi vállalkozásokhoz és klaszterekhez szervezett tanulmányutak?",
            "ro": "Sunteți interesați de vizite de studiu la firme și clustere din străinătate?",
            "bg": "Интересувате ли се от учебни посещения във фирми и клъстери в чужбина?",
        },
    },
    {
        "kind": "yes_no",
        "prompt": {
            "pl": "Czy wystawialiby się Państwo na targach wspólnie z innymi firmami klastra?",
            "en": "Would you exhibit at trade fairs together with other firms of the cluster?",
            "de": "Würden Sie gemeinsam mit anderen Unternehmen des Clusters auf Messen ausstellen?",
            "it": "La Sua azienda sarebbe disposta a esporre a fiere commerciali insieme ad altre imprese del cluster?",
            "cs": "Vystavovali byste na veletrzích společně s dalšími firmami klastru?",
            "hu": "Részt vennének-e kiállítóként vásárokon a klaszter más vállalkozásaival közösen?",
            "ro": "Ați expune la târguri împreună cu alte firme din cluster?",
            "bg": "Бихте ли участвали като изложители на панаири заедно с други фирми от клъстера?",
        },
    },
    {
        "kind": "single",
        "prompt": {
            "pl": "Czy współpracują Państwo z uczelniami lub instytutami badawczymi?",
            "en": "Do you work with universities or research institutes?",
            "de": "Arbeiten Sie mit Hochschulen oder Forschungseinrichtungen zusammen?",
            "it": "La Sua azienda collabora con università o istituti di ricerca?",
            "cs": "Spolupracujete s vysokými školami nebo výzkumnými ústavy?",
            "hu": "Együttműködnek-e egyetemekkel vagy kutatóintézetekkel?",
            "ro": "Colaborați cu universități sau institute de cercetare?",
            "bg": "Сътрудничите ли с университети или научноизследователски институти?",
        },
        "choices": [
            {
                "pl": "tak, stale",
                "en": "yes, regularly",
                "de": "ja, regelmäßig",
                "it": "sì, regolarmente",
                "cs": "ano, pravidelně",
                "hu": "igen, rendszeresen",
                "ro": "da, în mod regulat",
                "bg": "да, редовно",
            },
            {
                "pl": "tak, okazjonalnie",
                "en": "yes, now and then",
                "de": "ja, gelegentlich",
                "it": "sì, occasionalmente",
                "cs": "ano, příležitostně",
                "hu": "igen, alkalmanként",
                "ro": "da, ocazional",
                "bg": "да, от време на време",
            },
            {
                "pl": "nie, ale chcielibyśmy",
                "en": "no, but we would like to",
                "de": "nein, aber wir würden es gerne",
                "it": "no, ma vorremmo farlo",
                "cs": "ne, ale rádi bychom",
                "hu": "nem, de szeretnénk",
                "ro": "nu, dar ne-am dori",
                "bg": "не, но бихме искали",
            },
            {
                "pl": "nie i nie planujemy",
                "en": "no, and we do not plan to",
                "de": "nein, und wir planen es auch nicht",
                "it": "no, e non lo prevediamo",
                "cs": "ne a neplánujeme to",
                "hu": "nem, és nem is tervezzük",
                "ro": "nu și nici nu plănuim",
                "bg": "не и не планираме",
            },
        ],
    },
    {
        "kind": "single",
        "prompt": {
            "pl": "Jakie są Państwa plany eksportowe na najbliższe trzy lata?",
            "en": "What are your export plans for the next three years?",
            "de": "Welche Exportpläne haben Sie für die nächsten drei Jahre?",
            "it": "Quali sono i piani di esportazione della Sua azienda per i prossimi tre anni?",
            "cs": "Jaké máte exportní plány na příští tři roky?",
            "hu": "Milyen exportterveik vannak a következő három évre?",
            "ro": "Care sunt planurile dumneavoastră de export pentru următorii trei ani?",
            "bg": "Какви са Вашите планове за износ за следващите три години?",
        },
        "choices": [
            {
                "pl": "nie eksportujemy i nie planujemy eksportu",
                "en": "we do not export and do not plan to",
                "de": "wir exportieren nicht und planen keinen Export",
                "it": "non esportiamo e non prevediamo di farlo",
                "cs": "neexportujeme a export neplánujeme",
                "hu": "nem exportálunk, és nem is tervezzük",
                "ro": "nu exportăm și nu plănuim să exportăm",
                "bg": "не изнасяме и не планираме износ",
            },
            {
                "pl": "planujemy rozpocząć eksport",
                "en": "we plan to start exporting",
                "de": "wir planen, mit dem Export zu beginnen",
                "it": "prevediamo di iniziare a esportare",
                "cs": "plánujeme zahájit export",
                "hu": "tervezzük az export megkezdését",
                "ro": "plănuim să începem exportul",
                "bg": "планираме да започнем износ",
            },
            {
                "pl": "chcemy wejść na nowe rynki",
                "en": "we want to enter new markets",
                "de": "wir möchten neue Märkte erschließen",
                "it": "vogliamo entrare in nuovi mercati",
                "cs": "chceme vstoupit na nové trhy",
                "hu": "új piacokra szeretnénk belépni",
                "ro": "dorim să intrăm pe piețe noi",
                "bg": "искаме да навлезем на нови пазари",
            },
            {
                "pl": "chcemy zwiększyć eksport na obecne rynki",
                "en": "we want to export more to our present markets",
                "de": "wir möchten den Export auf unsere bisherigen Märkte steigern",
                "it": "vogliamo aumentare le esportazioni verso i mercati attuali",
                "cs": "chceme zvýšit export na stávající trhy",
                "hu": "szeretnénk növelni az exportot jelenlegi piacainkra",
                "ro": "dorim să creștem exportul pe piețele actuale",
                "bg": "искаме да увеличим износа за настоящите си пазари",
            },
        ],
    },
    {
        "kind": "scale",
        "prompt": {
            "pl": "Jak oceniają Państwo warunki prowadzenia działalności w regionie?",
            "en": "How do you rate the conditions for doing business in the region?",
            "de": "Wie bewerten Sie die Bedingungen für die Geschäftstätigkeit in der Region?",
            "it": "Come valuta le condizioni per fare impresa nella regione?",
            "cs": "Jak hodnotíte podmínky pro podnikání v regionu?",
            "hu": "Hogyan értékelik az üzleti tevékenység feltételeit a régióban?",
            "ro": "Cum evaluați condițiile pentru desfășurarea afacerilor în regiune?",
            "bg": "Как оценявате условията за стопанска дейност в региона?",
        },
        "help_text": {
            "pl": "1 – bardzo źle, 5 – bardzo dobrze.",
            "en": "1 – very poor, 5 – very good.",
            "de": "1 – sehr schlecht, 5 – sehr gut.",
            "it": "1 – molto scarse, 5 – molto buone.",
            "cs": "1 – velmi špatné, 5 – velmi dobré.",
            "hu": "1 – nagyon rossz, 5 – nagyon jó.",
            "ro": "1 – foarte proaste, 5 – foarte bune.",
            "bg": "1 – много лоши, 5 – много добри.",
        },
    },
    {
        "kind": "text",
        "prompt": {
            "pl": "Co najbardziej pomogłoby Państwa firmie we współpracy z partnerami zagranicznymi?",
            "en": "What would help your firm most in working with partners abroad?",
            "de": "Was würde Ihrem Unternehmen bei der Zusammenarbeit mit ausländischen Partnern am meisten helfen?",
            "it": "Che cosa aiuterebbe maggiormente la Sua azienda nella collaborazione con partner esteri?",
            "cs": "Co by Vaší firmě nejvíce pomohlo ve spolupráci se zahraničními partnery?",
            "hu": "Mi segítené leginkább az Önök vállalkozását a külföldi partnerekkel való együttműködésben?",
            "ro": "Ce ar ajuta cel mai mult firma dumneavoastră în cooperarea cu parteneri din străinătate?",
            "bg": "Какво би помогнало най-много на Вашата фирма в сътрудничеството с чуждестранни партньори?",
        },
    },
]


def _texts(field, texts):
    values = {f"{field}_{code}": texts.get(code, "") for code in LANGUAGES}
    values[field] = texts.get("pl", "")
    return values


def seed(apps, schema_editor):
    SurveyQuestion = apps.get_model("questionnaire", "SurveyQuestion")
    SurveyChoice = apps.get_model("questionnaire", "SurveyChoice")
    for position, item in enumerate(QUESTIONS, start=1):
        question = SurveyQuestion.objects.create(
            kind=item["kind"],
            position=position * 10,
            is_required=False,
            **_texts("prompt", item["prompt"]),
            **_texts("help_text", item.get("help_text", {})),
        )
        for number, choice in enumerate(item.get("choices", []), start=1):
            SurveyChoice.objects.create(
                question=question, position=number, **_texts("label", choice)
            )


def unseed(apps, schema_editor):
    apps.get_model("questionnaire", "SurveyQuestion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("questionnaire", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
