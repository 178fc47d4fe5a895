# ruff: noqa: E501 - long sentences of demo content are kept on one line each
"""Texts of the demo home page in each site language (French is the source, English and Arabic
are its translations). Body items are ``(block type, value)``; an ``image`` item takes the
market banner, its value being the picture's alternative text, so the pictures stay
language-neutral and only their descriptions are translated.
"""

from dataclasses import dataclass

SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en", "ar")


@dataclass(frozen=True)
class HomeTexts:
    title: str
    hero_title: str
    hero_text: str
    hero_cta_label: str
    #: Alternative text of the hero picture, in the page's language.
    hero_image_alt: str
    body: tuple[tuple[str, str], ...]

    @staticmethod
    def cta_link(language):
        return f"/{language}/catalogue/"


HOME_TEXTS = {
    "fr": HomeTexts(
        title="Accueil",
        hero_title="Le souk tunisien, en ligne",
        hero_text=(
            "Céramique de Nabeul, mode de la médina, high-tech, fichiers numériques et experts : "
            "achetez en confiance auprès de vendeurs tunisiens."
        ),
        hero_cta_label="Découvrir le catalogue",
        hero_image_alt="Maisons blanchies à la chaux et portes bleues de Sidi Bou Saïd sous le soleil",
        body=(
            ("heading", "Trois boutiques pour commencer"),
            (
                "paragraph",
                "<p><b>Dar Nabeul</b> façonne la céramique et le linge de maison, <b>Jebba &amp; Co</b> "
                "revisite la mode de la médina et <b>Carthage Digital</b> prend soin de vos appareils, "
                "de vos fichiers et de votre cloud.</p>",
            ),
            ("image", "Trois médaillons : la maison, la mode et la high-tech du souk"),
            ("heading", "Payer en coins"),
            (
                "paragraph",
                "<p>Rechargez votre portefeuille en coins (1 coin = 0,500 TND) et réglez en un clic "
                "services, abonnements et consultations d'experts.</p>",
            ),
        ),
    ),
    "en": HomeTexts(
        title="Home",
        hero_title="The Tunisian souk, online",
        hero_text=(
            "Nabeul ceramics, medina fashion, high-tech, digital files and experts: "
            "buy with confidence from Tunisian sellers."
        ),
        hero_cta_label="Browse the catalogue",
        hero_image_alt="Whitewashed houses and blue doors of Sidi Bou Said in the sun",
        body=(
            ("heading", "Three shops to start with"),
            (
                "paragraph",
                "<p><b>Dar Nabeul</b> shapes ceramics and home linen, <b>Jebba &amp; Co</b> reinvents "
                "medina fashion and <b>Carthage Digital</b> looks after your devices, your files and "
                "your cloud.</p>",
            ),
            ("image", "Three medallions: the souk's home goods, fashion and electronics"),
            ("heading", "Pay with coins"),
            (
                "paragraph",
                "<p>Top up your wallet with coins (1 coin = 0.500 TND) and pay for services, "
                "subscriptions and expert consultations in one click.</p>",
            ),
        ),
    ),
    "ar": HomeTexts(
        title="الرئيسية",
        hero_title="السوق التونسي على الإنترنت",
        hero_text=(
            "خزف نابل، أزياء المدينة، التكنولوجيا، الملفات الرقمية والخبراء: اشترِ بثقة من بائعين تونسيين."
        ),
        hero_cta_label="تصفّح الكتالوج",
        hero_image_alt="بيوت مطليّة بالجير وأبواب زرقاء في سيدي بوسعيد تحت الشمس",
        body=(
            ("heading", "ثلاثة متاجر للبداية"),
            (
                "paragraph",
                "<p><b>دار نابل</b> تصنع الخزف ومفروشات البيت، و<b>جبّة وشركاه</b> تجدّد أزياء المدينة، "
                "و<b>قرطاج ديجيتال</b> تعتني بأجهزتك وملفاتك وتخزينك السحابي.</p>",
            ),
            ("image", "ثلاث ميداليات: المنزل والأزياء والإلكترونيات في السوق"),
            ("heading", "الدفع بالنقاط"),
            (
                "paragraph",
                "<p>اشحن محفظتك بالنقاط (نقطة واحدة = 0.500 دينار) وادفع ثمن الخدمات والاشتراكات "
                "واستشارات الخبراء بنقرة واحدة.</p>",
            ),
        ),
    ),
}


# --- CMS pages beyond the home page (cms_pages_seed.py) -------------------------------------------
# Each text is {language: text}; French is the source the English and Arabic pages translate.


def t(fr, en, ar):
    return {"fr": fr, "en": en, "ar": ar}


HOME_EXTRA = {
    "best_sellers": t("Les plus vendus", "Best-sellers", "الأكثر مبيعًا"),
    "together": t("Souvent achetés ensemble", "Often bought together", "غالبًا ما تُشترى معًا"),
    "newest": t("Nouveautés", "New in the shop", "وصل حديثًا"),
    "newsletter_title": t("La lettre du souk", "The souk's letter", "رسالة السوق"),
    "newsletter_text": t(
        "Nouveautés et promotions, une fois par mois. Désinscription en un clic.",
        "New arrivals and offers, once a month. Unsubscribe in one click.",
        "الجديد والعروض مرة في الشهر. إلغاء الاشتراك بنقرة واحدة.",
    ),
}

BADGES = (
    (
        "truck",
        t("Livraison en Tunisie", "Delivery across Tunisia", "توصيل في كامل تونس"),
        t("De 2 à 5 jours ouvrés.", "In 2 to 5 working days.", "من يومين إلى خمسة أيام عمل."),
    ),
    (
        "shield",
        t("Paiement sécurisé", "Secure payment", "دفع آمن"),
        t("Carte bancaire ou à la livraison.", "By card or cash on delivery.", "بالبطاقة أو عند الاستلام."),
    ),
    (
        "box",
        t("Retours sous 14 jours", "14-day returns", "إرجاع خلال 14 يومًا"),
        t("Remboursement ou bon d'achat.", "Refund or store credit.", "استرداد المبلغ أو قسيمة شراء."),
    ),
)

TESTIMONIALS = (
    (
        t(
            "Le tajine est arrivé bien emballé et il est encore plus beau qu'en photo.",
            "The tajine arrived well packed and is even prettier than in the picture.",
            "وصل الطاجين مغلفًا جيدًا وهو أجمل من الصورة.",
        ),
        "Amel B.",
        t("Sfax", "Sfax", "صفاقس"),
        5,
    ),
    (
        t(
            "J'ai réservé une consultation avec un expert en dix minutes, paiement en coins compris.",
            "I booked a consultation with an expert in ten minutes, coin payment included.",
            "حجزت استشارة مع خبير في عشر دقائق، بما في ذلك الدفع بالنقاط.",
        ),
        "Youssef K.",
        t("Tunis", "Tunis", "تونس"),
        5,
    ),
    (
        t(
            "Service client réactif sur WhatsApp, échange de taille sans souci.",
            "Quick customer service on WhatsApp, size exchange with no fuss.",
            "خدمة عملاء سريعة على واتساب، وتبديل المقاس دون مشاكل.",
        ),
        "Sarra M.",
        t("Sousse", "Sousse", "سوسة"),
        4,
    ),
)

LANDING = {
    "slug": "vendre-sur-souk",
    "title": t("Vendre sur Souk", "Sell on Souk", "بع على سوق"),
    "eyebrow": t("Vendeurs et experts", "Sellers and experts", "البائعون والخبراء"),
    "headline": t(
        "Ouvrez votre boutique en ligne en un après-midi",
        "Open your online shop in an afternoon",
        "افتح متجرك الإلكتروني في ظهيرة واحدة",
    ),
    "text": t(
        "Produits, fichiers numériques, services et consultations : un seul tableau de bord, des paiements sécurisés.",
        "Products, digital files, services and consultations: one dashboard, secure payments.",
        "منتجات وملفات رقمية وخدمات واستشارات: لوحة تحكم واحدة ومدفوعات آمنة.",
    ),
    "cta": t("Devenir vendeur", "Become a seller", "كن بائعًا"),
    "columns": (
        (
            t("Tout vendre", "Sell anything", "بع كل شيء"),
            t(
                "<p>Objets, fichiers téléchargeables, rendez-vous et abonnements, depuis une seule boutique.</p>",
                "<p>Objects, downloadable files, appointments and subscriptions, from one shop.</p>",
                "<p>أغراض وملفات قابلة للتنزيل ومواعيد واشتراكات، من متجر واحد.</p>",
            ),
        ),
        (
            t("Être payé", "Get paid", "احصل على أموالك"),
            t(
                "<p>Paiement par carte, versements réguliers, commission claire.</p>",
                "<p>Card payments, regular payouts, a clear commission.</p>",
                "<p>دفع بالبطاقة، تحويلات منتظمة، عمولة واضحة.</p>",
            ),
        ),
        (
            t("Être trouvé", "Get found", "كن مرئيًا"),
            t(
                "<p>Recherche, catégories et pages en trois langues.</p>",
                "<p>Search, categories and pages in three languages.</p>",
                "<p>بحث وتصنيفات وصفحات بثلاث لغات.</p>",
            ),
        ),
    ),
    "testimonials_title": t(
        "Ils vendent déjà sur Souk", "They already sell on Souk", "يبيعون بالفعل على سوق"
    ),
    "faq_title": t("Questions des vendeurs", "Sellers' questions", "أسئلة البائعين"),
    "faq": (
        (
            t(
                "Combien coûte l'ouverture d'une boutique ?",
                "How much does opening a shop cost?",
                "كم تكلفة فتح متجر؟",
            ),
            t(
                "<p>Rien : une commission est prélevée sur chaque vente.</p>",
                "<p>Nothing: a commission is taken on each sale.</p>",
                "<p>لا شيء: تُقتطع عمولة على كل عملية بيع.</p>",
            ),
        ),
        (
            t("Quand suis-je payé ?", "When do I get paid?", "متى أتلقى أموالي؟"),
            t(
                "<p>Chaque semaine, pour les commandes livrées.</p>",
                "<p>Every week, for delivered orders.</p>",
                "<p>كل أسبوع، للطلبات التي تم توصيلها.</p>",
            ),
        ),
    ),
    "pricing_title": t("Une formule simple", "One simple plan", "باقة واحدة بسيطة"),
    # (name, price, period, features, highlighted); the plan shows the commission orders take.
    "plans": (
        (
            t("Essentiel", "Essential", "أساسية"),
            "0.000",
            t("sans abonnement", "no subscription", "بدون اشتراك"),
            (
                t("Boutique illimitée", "Unlimited shop", "متجر غير محدود"),
                t("Paiements sécurisés", "Secure payments", "مدفوعات آمنة"),
            ),
            True,
        ),
    ),
    "cta_band_title": t("Prêt à vous lancer ?", "Ready to start?", "هل أنت مستعد للانطلاق؟"),
    "cta_band_text": t(
        "Écrivez-nous, un conseiller vous rappelle.",
        "Write to us and an adviser calls you back.",
        "راسلنا وسيتصل بك مستشار.",
    ),
    "cta_band_button": t("Nous contacter", "Contact us", "اتصل بنا"),
}

PROMO = {
    "slug": "soldes-artisanat",
    "title": t("Semaine de l'artisanat", "Crafts week", "أسبوع الصناعات التقليدية"),
    "eyebrow": t("Offre limitée", "Limited offer", "عرض محدود"),
    "headline": t("−15 % sur la céramique de Nabeul", "15% off Nabeul ceramics", "خصم 15٪ على خزف نابل"),
    "text": t(
        "Avec le code ARTISANAT15, jusqu'à la fin de la semaine.",
        "With the code ARTISANAT15, until the end of the week.",
        "باستعمال الرمز ARTISANAT15 حتى نهاية الأسبوع.",
    ),
    "countdown": t("L'offre se termine dans", "The offer ends in", "ينتهي العرض خلال"),
    "products": t("La sélection", "The selection", "التشكيلة"),
    "voucher": "ARTISANAT15",
}

HELP = {
    "slug": "aide",
    "title": t("Centre d'aide", "Help centre", "مركز المساعدة"),
    "intro": t(
        "Commandes, paiements, livraisons : les réponses à vos questions.",
        "Orders, payments, delivery: answers to your questions.",
        "الطلبات والدفع والتوصيل: إجابات على أسئلتك.",
    ),
    "categories": (
        (
            "commandes",
            t("Commandes et livraison", "Orders and delivery", "الطلبات والتوصيل"),
            t(
                "Suivre, modifier ou annuler une commande.",
                "Track, change or cancel an order.",
                "تتبع طلب أو تعديله أو إلغاؤه.",
            ),
            (
                (
                    "suivre-ma-commande",
                    t("Comment suivre ma commande ?", "How do I track my order?", "كيف أتتبع طلبي؟"),
                    t(
                        "Le suivi est dans votre compte, rubrique Commandes.",
                        "Tracking is in your account, under Orders.",
                        "التتبع موجود في حسابك، قسم الطلبات.",
                    ),
                    t(
                        "<p>Connectez-vous puis ouvrez <b>Mon compte › Commandes</b> : chaque commande affiche son statut et le numéro de suivi du transporteur.</p>",
                        "<p>Sign in and open <b>My account › Orders</b>: each order shows its status and the carrier's tracking number.</p>",
                        "<p>سجّل الدخول ثم افتح <b>حسابي › الطلبات</b>: يظهر لكل طلب حالته ورقم التتبع لدى شركة النقل.</p>",
                    ),
                    (
                        (
                            t(
                                "Combien de temps prend la livraison ?",
                                "How long does delivery take?",
                                "كم يستغرق التوصيل؟",
                            ),
                            t(
                                "<p>De 2 à 5 jours ouvrés en Tunisie.</p>",
                                "<p>2 to 5 working days in Tunisia.</p>",
                                "<p>من يومين إلى خمسة أيام عمل داخل تونس.</p>",
                            ),
                        ),
                    ),
                ),
                (
                    "annuler-une-commande",
                    t("Puis-je annuler une commande ?", "Can I cancel an order?", "هل يمكنني إلغاء طلب؟"),
                    t(
                        "Oui, tant qu'elle n'est pas expédiée.",
                        "Yes, as long as it has not shipped.",
                        "نعم، ما دام لم يُشحن.",
                    ),
                    t(
                        "<p>Tant que le vendeur n'a pas expédié, le bouton <b>Annuler</b> est disponible sur la page de la commande.</p>",
                        "<p>Until the seller ships, the <b>Cancel</b> button is on the order's page.</p>",
                        "<p>ما دام البائع لم يشحن الطلب، يتوفر زر <b>إلغاء</b> في صفحة الطلب.</p>",
                    ),
                    (),
                ),
            ),
        ),
        (
            "paiement",
            t("Paiement et coins", "Payment and coins", "الدفع والنقاط"),
            t(
                "Cartes, paiement à la livraison et portefeuille de coins.",
                "Cards, cash on delivery and the coin wallet.",
                "البطاقات والدفع عند الاستلام ومحفظة النقاط.",
            ),
            (
                (
                    "moyens-de-paiement",
                    t(
                        "Quels moyens de paiement acceptez-vous ?",
                        "Which payment methods do you accept?",
                        "ما وسائل الدفع المقبولة؟",
                    ),
                    t(
                        "Carte bancaire, paiement à la livraison et coins.",
                        "Bank card, cash on delivery and coins.",
                        "البطاقة البنكية والدفع عند الاستلام والنقاط.",
                    ),
                    t(
                        "<p>Le paiement par carte est sécurisé par notre prestataire ; les données de carte ne passent jamais par nos serveurs.</p>",
                        "<p>Card payment is secured by our payment provider; card details never go through our servers.</p>",
                        "<p>الدفع بالبطاقة مؤمَّن لدى مزوّد الدفع؛ ولا تمر بيانات البطاقة أبدًا عبر خوادمنا.</p>",
                    ),
                    (
                        (
                            t("Qu'est-ce qu'un coin ?", "What is a coin?", "ما هي النقطة؟"),
                            t(
                                "<p>Une unité de paiement du portefeuille : 1 coin = 0,500 TND.</p>",
                                "<p>A wallet payment unit: 1 coin = 0.500 TND.</p>",
                                "<p>وحدة دفع في المحفظة: نقطة واحدة = 0.500 دينار.</p>",
                            ),
                        ),
                        (
                            t("Les coins expirent-ils ?", "Do coins expire?", "هل تنتهي صلاحية النقاط؟"),
                            t("<p>Non.</p>", "<p>No.</p>", "<p>لا.</p>"),
                        ),
                    ),
                ),
            ),
        ),
        (
            "vendeurs",
            t("Vendre sur Souk", "Selling on Souk", "البيع على سوق"),
            t("Ouvrir une boutique, être payé.", "Open a shop, get paid.", "افتح متجرًا واحصل على أموالك."),
            (
                (
                    "ouvrir-une-boutique",
                    t("Comment ouvrir une boutique ?", "How do I open a shop?", "كيف أفتح متجرًا؟"),
                    t(
                        "Inscrivez-vous puis complétez votre profil vendeur.",
                        "Sign up, then complete your seller profile.",
                        "سجّل ثم أكمل ملفك كبائع.",
                    ),
                    t(
                        "<p>Après validation de votre profil, le tableau de bord vendeur vous permet d'ajouter vos produits.</p>",
                        "<p>Once your profile is approved, the seller dashboard lets you add your products.</p>",
                        "<p>بعد اعتماد ملفك، تتيح لك لوحة تحكم البائع إضافة منتجاتك.</p>",
                    ),
                    (),
                ),
            ),
        ),
    ),
}

CONTACT = {
    "slug": "contact",
    "title": t("Nous contacter", "Contact us", "اتصل بنا"),
    "intro": t(
        "<p>Une question sur une commande ou une boutique ? Écrivez-nous, nous répondons sous 24 h.</p>",
        "<p>A question about an order or a shop? Write to us, we answer within 24 hours.</p>",
        "<p>سؤال عن طلب أو متجر؟ راسلنا، نجيب خلال 24 ساعة.</p>",
    ),
    "thanks": t(
        "<p>Merci ! Nous vous répondons très vite.</p>",
        "<p>Thank you! We will answer very soon.</p>",
        "<p>شكرًا! سنرد عليك قريبًا جدًا.</p>",
    ),
    "fields": (
        ("singleline", t("Votre nom", "Your name", "اسمك"), True, ""),
        ("email", t("Votre email", "Your email", "بريدك الإلكتروني"), True, ""),
        (
            "dropdown",
            t("Sujet", "Subject", "الموضوع"),
            True,
            t(
                "Commande\nPaiement\nVendre sur Souk\nAutre",
                "Order\nPayment\nSelling on Souk\nOther",
                "طلب\nدفع\nالبيع على سوق\nأخرى",
            ),
        ),
        ("multiline", t("Votre message", "Your message", "رسالتك"), True, ""),
    ),
    "recipients": "support@souk.example",
}

LEGAL = (
    (
        "conditions-generales",
        t("Conditions générales de vente", "Terms and conditions", "الشروط العامة للبيع"),
        t(
            "Les règles qui s'appliquent à chaque commande.",
            "The rules that apply to every order.",
            "القواعد التي تنطبق على كل طلب.",
        ),
        t(
            "<p>Les présentes conditions s'appliquent à toute commande passée sur Souk par un client auprès d'un vendeur.</p><h2>Prix</h2><p>Les prix sont en dinars tunisiens, TVA comprise.</p>",
            "<p>These terms apply to every order a customer places with a seller on Souk.</p><h2>Prices</h2><p>Prices are in Tunisian dinars, VAT included.</p>",
            "<p>تنطبق هذه الشروط على كل طلب يقدمه العميل لدى بائع على سوق.</p><h2>الأسعار</h2><p>الأسعار بالدينار التونسي وتشمل الأداء على القيمة المضافة.</p>",
        ),
    ),
    (
        "remboursement",
        t("Politique de remboursement", "Refund policy", "سياسة الاسترداد"),
        t(
            "Retours sous 14 jours et remboursements.",
            "Returns within 14 days and refunds.",
            "الإرجاع خلال 14 يومًا والاسترداد.",
        ),
        t(
            "<p>Vous disposez de 14 jours après réception pour retourner un article. Le remboursement intervient sous 7 jours après réception du retour.</p>",
            "<p>You have 14 days after delivery to return an item. The refund is made within 7 days of receiving the return.</p>",
            "<p>لديك 14 يومًا بعد الاستلام لإرجاع منتج. يتم الاسترداد خلال 7 أيام من استلام المرتجع.</p>",
        ),
    ),
    (
        "confidentialite",
        t("Politique de confidentialité", "Privacy policy", "سياسة الخصوصية"),
        t(
            "Quelles données nous gardons, et pourquoi.",
            "What data we keep, and why.",
            "ما البيانات التي نحتفظ بها ولماذا.",
        ),
        t(
            "<p>Nous ne collectons que les données nécessaires à vos commandes. Vous pouvez demander leur suppression à tout moment.</p>",
            "<p>We only collect the data your orders need. You may ask for it to be deleted at any time.</p>",
            "<p>لا نجمع إلا البيانات اللازمة لطلباتك. يمكنك طلب حذفها في أي وقت.</p>",
        ),
    ),
)

MENU_LABELS = {
    "home": t("Accueil", "Home", "الرئيسية"),
    "catalogue": t("Catalogue", "Catalogue", "الكتالوج"),
    "help": t("Aide", "Help", "المساعدة"),
    "contact": t("Contact", "Contact", "اتصل بنا"),
    "shop": t("Boutique", "Shop", "المتجر"),
    "legal": t("Informations", "Information", "معلومات"),
    "search": t("Recherche", "Search", "بحث"),
    "offers": t("Offres", "Offers", "العروض"),
    "footer_about": t(
        "Des objets faits par des artisans tunisiens, des fichiers numériques, des services et les conseils d'experts — dans un seul panier.",
        "Objects made by Tunisian makers, digital files, services and advice from experts — in one basket.",
        "أغراض من صنع حرفيين تونسيين وملفات رقمية وخدمات ونصائح خبراء — في سلة واحدة.",
    ),
}

SITE_CONTACT = {
    "contact_email": "bonjour@souk.example",
    "contact_phone": "+216 71 000 000",
    "address": "Rue de la Kasbah, 1008 Tunis",
    "whatsapp_number": "21620000000",
    "telegram_username": "souk_support",
    "facebook_url": "https://www.facebook.com/souk.example",
    "instagram_url": "https://www.instagram.com/souk.example",
}
