<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
<context>
    <name>Action</name>
    <message>
        <location filename="../../forensiclog/ui/vocabulary_text.py" line="+61"/>
        <source>read the workspace</source>
        <translation>читати робочий простір</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>register bodies</source>
        <translation>реєструвати тіла</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit cases</source>
        <translation>редагувати справи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add evidence</source>
        <translation>додавати докази</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change a case&apos;s status</source>
        <translation>змінювати статус справи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correct records</source>
        <translation>виправляти записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>propose an identification</source>
        <translation>пропонувати ідентифікацію</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirm an identification</source>
        <translation>підтверджувати ідентифікацію</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage exchanges</source>
        <translation>керувати обмінами</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import handover lists</source>
        <translation>імпортувати списки передачі</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export reports</source>
        <translation>експортувати звіти</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export case files</source>
        <translation>експортувати файли справ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import case files</source>
        <translation>імпортувати файли справ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolve merge conflicts</source>
        <translation>розвʼязувати конфлікти обʼєднання</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>back up the workspace</source>
        <translation>створювати резервні копії робочого простору</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>repair the workspace</source>
        <translation>відновлювати робочий простір</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manage users</source>
        <translation>керувати користувачами</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../forensiclog/ui/case_list_model.py" line="+45"/>
        <source>Case number</source>
        <translation>Номер справи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag</source>
        <translation>Бирка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation>Громадянство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Документи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Potential</source>
        <translation>Потенціал</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../forensiclog/ui/case_list_panel.py" line="+76"/>
        <source>Case number, tag, document number or name (any script)</source>
        <translation>Номер справи, бирка, номер документа або прізвище (кирилицею чи латиницею)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find:</source>
        <translation>&amp;Пошук:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All statuses</source>
        <translation>Усі статуси</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All nationalities</source>
        <translation>Будь-яке громадянство</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All exchanges</source>
        <translation>Усі обміни</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Status:</source>
        <translation>Ст&amp;атус:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nationality:</source>
        <translation>&amp;Громадянство:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xchange:</source>
        <translation>&amp;Обмін:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cases</source>
        <translation>Справи</translation>
    </message>
    <message numerus="yes">
        <location line="+203"/>
        <source>%n case(s) found</source>
        <translation>
            <numerusform>Знайдено %n справу</numerusform>
            <numerusform>Знайдено %n справи</numerusform>
            <numerusform>Знайдено %n справ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n справа</numerusform>
            <numerusform>%n справи</numerusform>
            <numerusform>%n справ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseSummaryPanel</name>
    <message>
        <location filename="../../forensiclog/ui/case_summary_panel.py" line="+71"/>
        <source>&amp;Open case</source>
        <translation>&amp;Відкрити справу</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No case selected</source>
        <translation>Справу не вибрано</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a case in the list to see it here.</source>
        <translation>Виберіть справу в списку, щоб побачити її тут.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 · locked</source>
        <translation>%1 · заблоковано</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exchange</source>
        <translation>Обмін</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag</source>
        <translation>Бирка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition</source>
        <translation>Стан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>Місце зберігання</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Стать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation>Громадянство</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Declared as</source>
        <translation>Заявлено як</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decision</source>
        <translation>Рішення</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Documents</source>
        <translation>Документи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Identification potential</source>
        <translation>Потенціал ідентифікації</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of 5</source>
        <translation>%1 з 5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Missing</source>
        <translation>Бракує</translation>
    </message>
</context>
<context>
    <name>Condition</name>
    <message>
        <location filename="../../forensiclog/ui/vocabulary_text.py" line="-46"/>
        <source>Complete</source>
        <translation>Повне</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incomplete</source>
        <translation>Неповне</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fragmented</source>
        <translation>Фрагментоване</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commingled</source>
        <translation>Змішані останки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decomposed</source>
        <translation>Гнилісні зміни</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skeletonised</source>
        <translation>Скелетоване</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burnt</source>
        <translation>Обгоріле</translation>
    </message>
</context>
<context>
    <name>ExchangeModel</name>
    <message>
        <location filename="../../forensiclog/ui/exchange_model.py" line="+33"/>
        <source>%1 of %2 declared arrived · %3 examined</source>
        <translation>Прибуло %1 із %2 заявлених · оглянуто %3</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>All exchanges</source>
        <translation>Усі обміни</translation>
    </message>
</context>
<context>
    <name>ExchangePanel</name>
    <message>
        <location filename="../../forensiclog/ui/exchange_panel.py" line="+119"/>
        <source>Exchanges</source>
        <translation>Обміни</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xchanges</source>
        <translation>О&amp;бміни</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+47"/>
        <source>All exchanges</source>
        <translation>Усі обміни</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+52"/>
        <source>Bodies arrived of those declared</source>
        <translation>Прибуло тіл із заявлених</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Declared</source>
        <translation>Заявлено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>Зареєстровано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived</source>
        <translation>Прибуло</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examined</source>
        <translation>Оглянуто</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Assessed as foreign</source>
        <translation>Оцінено як іноземців</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../forensiclog/ui/main_window.py" line="+99"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ихід</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cases</source>
        <translation>&amp;Справи</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Register next body…</source>
        <translation>&amp;Зареєструвати наступне тіло…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open selected case</source>
        <translation>&amp;Відкрити вибрану справу</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Find…</source>
        <translation>&amp;Пошук…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Оновити</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;xport a report…</source>
        <translation>&amp;Експортувати звіт…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where is the &amp;log file?</source>
        <translation>Де &amp;журнал програми?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About ForensicLog</source>
        <translation>&amp;Про ForensicLog</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Working</source>
        <translation>Виконується</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>%1 registered</source>
        <translation>%1 зареєстровано</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 %2
Forensic identification case logging for repatriation exchanges.</source>
        <translation>%1 %2
Облік справ судово-медичної ідентифікації під час обмінів у межах репатріації.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About ForensicLog</source>
        <translation>Про ForensicLog</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read-only: nobody signed in</source>
        <translation>Лише читання: ніхто не ввійшов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in: %1 (%2)</source>
        <translation>Користувач: %1 (%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · read-only</source>
        <translation>%1 · лише читання</translation>
    </message>
</context>
<context>
    <name>Nationality</name>
    <message>
        <location filename="../../forensiclog/ui/vocabulary_text.py" line="+10"/>
        <source>Own</source>
        <translation>Громадянин України</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foreign</source>
        <translation>Іноземець</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undetermined</source>
        <translation>Не встановлено</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <location filename="../../forensiclog/ui/new_workspace_dialog.py" line="+39"/>
        <source>New workspace</source>
        <translation>Новий робочий простір</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Вибрати…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Kyiv morgue, team 2</source>
        <translation>напр. Київський морг, група 2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>2–5 Latin letters, e.g. KYV</source>
        <translation>2–5 латинських літер, напр. KYV</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1–4 letters or digits, e.g. T2</source>
        <translation>1–4 латинські літери або цифри, напр. T2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Тека:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Site code:</source>
        <translation>Код &amp;місця:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Team code:</source>
        <translation>Код &amp;групи:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First &amp;administrator:</source>
        <translation>Перший &amp;адміністратор:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat password:</source>
        <translation>Повт&amp;оріть пароль:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case numbers start with the site and team codes, so two laptops never issue the same number. They cannot be changed later.</source>
        <translation>Номери справ починаються з кодів місця та групи, тож два ноутбуки ніколи не видадуть однакового номера. Змінити ці коди згодом не можна.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Create</source>
        <translation>Створити</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Folder for the new workspace</source>
        <translation>Тека для нового робочого простору</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../forensiclog/ui/notices.py" line="+22"/>
        <source>Not done</source>
        <translation>Не виконано</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Unexpected error</source>
        <translation>Неочікувана помилка</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Something went wrong inside ForensicLog. Your saved work is safe.
The details were written to %1 — please send that file to your coordinator.</source>
        <translation>У ForensicLog сталася помилка. Збережену роботу не втрачено.
Подробиці записано у %1 — надішліть цей файл координаторові.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ForensicLog writes its log to:
%1</source>
        <translation>ForensicLog веде журнал у файлі:
%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log file</source>
        <translation>Журнал програми</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../../forensiclog/ui/refusal_text.py" line="+24"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file %1 was refused: %2</source>
        <translation>Файл %1 відхилено: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not found: %1 “%2”.</source>
        <translation>Не знайдено: %1 «%2».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 “%2” already exists.</source>
        <translation>%1 «%2» уже існує.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign-in refused: wrong user name or password.</source>
        <translation>Вхід відхилено: неправильне імʼя користувача або пароль.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2) may not %3.</source>
        <translation>%1 (%2) не може %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is open read-only: nothing can be changed.</source>
        <translation>%1 відкрито лише для читання: нічого змінити не можна.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case %1 cannot move from “%2” to “%3”: %4. Allowed next: %5.</source>
        <translation>Справу %1 не можна перевести зі статусу «%2» у «%3»: %4. Дозволено далі: %5.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case %1 is locked by a confirmed identification: a correction needs a coordinator and a reason.</source>
        <translation>Справу %1 заблоковано підтвердженою ідентифікацією: для виправлення потрібні координатор і причина.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>An unexpected error stopped this action.</source>
        <translation>Цю дію зупинила неочікувана помилка.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unexpected error stopped this action.
The details were written to %1 — please send that file to your coordinator.</source>
        <translation>Цю дію зупинила неочікувана помилка.
Подробиці записано у %1 — надішліть цей файл координаторові.</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../forensiclog/ui/register_dialog.py" line="+64"/>
        <source>Register next body</source>
        <translation>Реєстрація наступного тіла</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No body registered yet</source>
        <translation>Ще нічого не зареєстровано</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Type or scan the tag</source>
        <translation>Введіть або зіскануйте бирку</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refrigerator, shelf, box</source>
        <translation>холодильник, полиця, ящик</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Registered in this session</source>
        <translation>Зареєстровано за цей сеанс</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Register (Enter)</source>
        <translation>&amp;Зареєструвати (Enter)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last registered case</source>
        <translation>Остання зареєстрована справа</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Registered in this &amp;session:</source>
        <translation>Зареєстровано за цей &amp;сеанс:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>E&amp;xchange:</source>
        <translation>&amp;Обмін:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tag:</source>
        <translation>&amp;Бирка:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Condition:</source>
        <translation>С&amp;тан:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Location:</source>
        <translation>&amp;Місце зберігання:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ex:</source>
        <translation>Ст&amp;ать:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>— not recorded —</source>
        <translation>— не вказано —</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Add an exchange first: bodies are registered into an exchange.</source>
        <translation>Спершу додайте обмін: тіла реєструють у межах обміну.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Tag %1: checked in from the handover list</source>
        <translation>Бирка %1: прийнято за списком передачі</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag %1: new case registered</source>
        <translation>Бирка %1: зареєстровано нову справу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New case registered without a tag</source>
        <translation>Нову справу зареєстровано без бирки</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(no tag)</source>
        <translation>(без бирки)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not registered: %1 — %2</source>
        <translation>Не зареєстровано: %1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NOT registered: %1</source>
        <translation>НЕ зареєстровано: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Values not registered</source>
        <translation>Незареєстровані дані</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The form holds values that are not registered yet. Close it and drop them?</source>
        <translation>У формі є дані, які ще не зареєстровано. Закрити її і відкинути їх?</translation>
    </message>
</context>
<context>
    <name>ReportExportDialog</name>
    <message>
        <location filename="../../forensiclog/ui/report_export_dialog.py" line="+74"/>
        <source>Case report</source>
        <translation>Звіт про справу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchange report</source>
        <translation>Звіт про обмін</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foreign nationals</source>
        <translation>Іноземні громадяни</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discrepancies</source>
        <translation>Розбіжності</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels (QR codes)</source>
        <translation>Етикетки (QR-коди)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A4, 24 labels of 70 × 37 mm</source>
        <translation>A4, 24 етикетки 70 × 37 мм</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4, 14 labels of 99.1 × 38.1 mm</source>
        <translation>A4, 14 етикеток 99,1 × 38,1 мм</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4, 8 labels of 99.1 × 67.7 mm (body bags)</source>
        <translation>A4, 8 етикеток 99,1 × 67,7 мм (мішки для тіл)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Export a report</source>
        <translation>Експорт звіту</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>e.g. KYV-T1-00153</source>
        <translation>напр. KYV-T1-00153</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Empty: every case of the exchange</source>
        <translation>Порожньо: усі справи обміну</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Вибрати…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open the folder when done</source>
        <translation>&amp;Відкрити теку після завершення</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Export</source>
        <translation>&amp;Експортувати</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Report:</source>
        <translation>&amp;Звіт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xchange:</source>
        <translation>&amp;Обмін:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Case:</source>
        <translation>&amp;Справа:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case&amp;s:</source>
        <translation>Спр&amp;ави:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Мова:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label s&amp;heet:</source>
        <translation>А&amp;ркуш етикеток:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Save the report as</source>
        <translation>Зберегти звіт як</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Документи PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name the file to write.</source>
        <translation>Вкажіть файл для запису.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the records…</source>
        <translation>Читання записів…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Preparing photo %1 of %2…</source>
        <translation>Підготовка фото %1 з %2…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laying out the PDF…</source>
        <translation>Верстання PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the file…</source>
        <translation>Запис файлу…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Saved %1 — %n page(s).
SHA-256: %2</source>
        <translation>
            <numerusform>Збережено %1 — %n сторінка.
SHA-256: %2</numerusform>
            <numerusform>Збережено %1 — %n сторінки.
SHA-256: %2</numerusform>
            <numerusform>Збережено %1 — %n сторінок.
SHA-256: %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelled; no file was written.</source>
        <translation>Скасовано; файл не записано.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../forensiclog/ui/vocabulary_text.py" line="+4"/>
        <source>Examiner</source>
        <translation>Експерт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinator</source>
        <translation>Координатор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auditor</source>
        <translation>Аудитор</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Адміністратор</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../forensiclog/ui/settings_dialog.py" line="+26"/>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language:</source>
        <translation>&amp;Мова:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The new language applies at once when no case window is open and nothing is being typed; otherwise from the next start.</source>
        <translation>Нова мова застосовується одразу, якщо не відкрито жодного вікна справи і нічого не вводиться; інакше — з наступного запуску.</translation>
    </message>
</context>
<context>
    <name>Sex</name>
    <message>
        <location filename="../../forensiclog/ui/vocabulary_text.py" line="-15"/>
        <source>Male</source>
        <translation>Чоловіча</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>Жіноча</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undetermined</source>
        <translation>Не встановлено</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../forensiclog/app.py" line="+196"/>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language will be used from the next start.</source>
        <translation>Нову мову буде застосовано з наступного запуску.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../forensiclog/ui/sign_in_dialog.py" line="+51"/>
        <source>Sign in — ForensicLog</source>
        <translation>Вхід — ForensicLog</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Workspace: %1</source>
        <translation>Робочий простір: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;User:</source>
        <translation>&amp;Користувач:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign in</source>
        <translation>Увійти</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Opening the sealed case file %1 read-only…</source>
        <translation>Відкриття опечатаного файлу справи %1 лише для читання…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../forensiclog/ui/vocabulary_text.py" line="-25"/>
        <source>Received</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examined</source>
        <translation>Оглянуто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampled</source>
        <translation>Зразки відібрано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting results</source>
        <translation>Очікує результатів</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identified</source>
        <translation>Ідентифіковано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foreign national</source>
        <translation>Іноземний громадянин</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unidentified</source>
        <translation>Не ідентифіковано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released</source>
        <translation>Видано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Повернуто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buried unidentified</source>
        <translation>Поховано під номером</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../forensiclog/ui/welcome_dialog.py" line="+57"/>
        <location line="+5"/>
        <source>Welcome to ForensicLog</source>
        <translation>Ласкаво просимо до ForensicLog</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no workspace on this computer yet. A workspace is one folder holding the cases, their photos and their history.</source>
        <translation>На цьому компʼютері ще немає робочого простору. Робочий простір — це одна тека зі справами, їхніми фото та історією змін.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Create a workspace</source>
        <translation>&amp;Створити робочий простір</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the site and team codes and the first administrator.</source>
        <translation>Вкажіть коди місця й групи та першого адміністратора.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the &amp;demo</source>
        <translation>Відкрити &amp;демонстрацію</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A synthetic exchange to try everything; invented people only.</source>
        <translation>Вигаданий обмін, щоб спробувати все; усі люди в ньому вигадані.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Open a workspace…</source>
        <translation>&amp;Відкрити робочий простір…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A workspace folder, or a sealed case file (read-only).</source>
        <translation>Теку робочого простору або опечатаний файл справи (лише читання).</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Building the demo workspace… this takes up to a minute.</source>
        <translation>Створення демонстраційного робочого простору… це займе до хвилини.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Open a workspace folder</source>
        <translation>Відкрити теку робочого простору</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <location filename="../../forensiclog/ui/workspace_actions.py" line="+34"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Недавні</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New workspace…</source>
        <translation>&amp;Новий робочий простір…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Відкрити робочий простір…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open sealed &amp;case file…</source>
        <translation>Відкрити опечатаний &amp;файл справи…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Settings…</source>
        <translation>На&amp;лаштування…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No other workspace yet</source>
        <translation>Інших робочих просторів ще немає</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a workspace folder</source>
        <translation>Відкрити теку робочого простору</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a sealed case file</source>
        <translation>Відкрити опечатаний файл справи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sealed case files (*.fcase)</source>
        <translation>Опечатані файли справ (*.fcase)</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>is required</source>
        <translation>обов’язкове поле</translation>
    </message>
    <message>
        <source>is required (YYYY-MM-DD)</source>
        <translation>обов’язкове поле (РРРР-ММ-ДД)</translation>
    </message>
    <message>
        <source>%1 is not a date in the form YYYY-MM-DD</source>
        <translation>%1 — не дата у форматі РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>%1 is not a real date</source>
        <translation>%1 — такої дати не існує</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 — не ціле число</translation>
    </message>
    <message>
        <source>%1 is outside %2–%3</source>
        <translation>%1 — поза межами %2–%3</translation>
    </message>
    <message>
        <source>is %1 characters long; at most %2 are kept</source>
        <translation>довжина — %1 симв.; можна зберегти не більше %2</translation>
    </message>
    <message>
        <source>must be one line</source>
        <translation>має бути в один рядок</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>містить символ NUL</translation>
    </message>
    <message>
        <source>contains a broken character (a lone surrogate, not text)</source>
        <translation>містить пошкоджений символ (одиночний сурогат, а не текст)</translation>
    </message>
    <message>
        <source>%1 is not one of %2</source>
        <translation>%1 — не з допустимих значень: %2</translation>
    </message>
    <message>
        <source>%1 is not a known country or ICAO code</source>
        <translation>%1 — невідомий код держави чи ICAO</translation>
    </message>
    <message>
        <source>%1 is not a country code (ISO 3166-1 alpha-3, e.g. UKR, RUS, DEU)</source>
        <translation>%1 — не код держави (ISO 3166-1 alpha-3, напр. UKR, RUS, DEU)</translation>
    </message>
    <message>
        <source>%1 must have %2 to %3 characters here</source>
        <translation>%1: тут має бути від %2 до %3 символів</translation>
    </message>
    <message>
        <source>%1 is not allowed; use A–Z and 0–9 only</source>
        <translation>%1 не дозволено; лише A–Z і 0–9</translation>
    </message>
    <message>
        <source>%1 is not a Latin letter A–Z; transliterate the name first</source>
        <translation>%1 — не латинська літера A–Z; спершу транслітеруйте ім’я</translation>
    </message>
    <message>
        <source>must be at least %1 characters long</source>
        <translation>має містити щонайменше %1 симв.</translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>два введені паролі не збігаються</translation>
    </message>
    <message>
        <source>%1: a user name is one word without spaces or control characters</source>
        <translation>%1: ім’я користувача — одне слово без пробілів і керівних символів</translation>
    </message>
    <message>
        <source>%1 is not a site code: 2 to 5 Latin letters, e.g. KYV</source>
        <translation>%1 — не код місця: від 2 до 5 латинських літер, напр. KYV</translation>
    </message>
    <message>
        <source>%1 is not a team code: 1 to 4 Latin letters or digits, e.g. T2</source>
        <translation>%1 — не код команди: від 1 до 4 латинських літер або цифр, напр. T2</translation>
    </message>
    <message>
        <source>%1: a code is up to 40 letters, digits, '-', '_', '.' or '/'</source>
        <translation>%1: код — до 40 літер, цифр, «-», «_», «.» або «/»</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation>%1 — це файл, а не тека</translation>
    </message>
    <message>
        <source>%1 already exists and is not empty</source>
        <translation>%1 вже існує і не порожня</translation>
    </message>
    <message>
        <source>%1 is not a ForensicLog workspace (no %2)</source>
        <translation>%1 — не робочий простір ForensicLog (немає %2)</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>теки %1 не існує</translation>
    </message>
    <message>
        <source>%1 is a folder; name the PDF file to write</source>
        <translation>%1 — це тека; вкажіть назву PDF-файлу</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 — не тека</translation>
    </message>
    <message>
        <source>%1 is inside the workspace; back up to another folder or drive</source>
        <translation>%1 — всередині робочого простору; збережіть резервну копію в іншій теці чи на іншому диску</translation>
    </message>
    <message>
        <source>name the new location</source>
        <translation>вкажіть нове місце зберігання</translation>
    </message>
    <message>
        <source>case %1 is already at %2</source>
        <translation>справа %1 вже в місці %2</translation>
    </message>
    <message>
        <source>a sample needs its number</source>
        <translation>вкажіть номер зразка</translation>
    </message>
    <message>
        <source>name the sample whose result this is</source>
        <translation>вкажіть зразок, чий це результат</translation>
    </message>
    <message>
        <source>say what the effect is (e.g. watch, ring, phone, letter)</source>
        <translation>вкажіть, що це за річ (напр. годинник, каблучка, телефон, лист)</translation>
    </message>
    <message>
        <source>a document needs its kind</source>
        <translation>вкажіть вид документа</translation>
    </message>
    <message>
        <source>%1: “not possible” needs the reason why</source>
        <translation>%1: для «неможливо» вкажіть причину</translation>
    </message>
    <message>
        <source>%1: nothing to change</source>
        <translation>%1: змінювати нічого</translation>
    </message>
    <message>
        <source>case %1 is locked: a correction needs a reason</source>
        <translation>справу %1 заблоковано: для виправлення потрібна причина</translation>
    </message>
    <message>
        <source>%1 is already on case %2; if two bodies really carry the same tag, register it as a duplicate tag</source>
        <translation>%1 вже є у справі %2; якщо два тіла справді мають однакову бирку, зареєструйте її як дубльовану</translation>
    </message>
    <message>
        <source>%1 is itself a body part; add the part to its case</source>
        <translation>%1 — сама фрагмент тіла; додайте фрагмент до основної справи</translation>
    </message>
    <message>
        <source>name at least one basis: DNA, fingerprints, dental, documents, visual, effects</source>
        <translation>вкажіть хоча б одну підставу: ДНК, дактилоскопія, одонтологія, документи, впізнання, речі</translation>
    </message>
    <message>
        <source>case %1: assess the nationality as foreign with its basis before proposing an exclusion</source>
        <translation>справа %1: перш ніж пропонувати виключення, оцініть громадянство як іноземне й зазначте підставу</translation>
    </message>
    <message>
        <source>%1 has no proposed identification or exclusion to confirm</source>
        <translation>у справі %1 немає запропонованої ідентифікації чи виключення, які можна підтвердити</translation>
    </message>
    <message>
        <source>%1 has no standing decision to withdraw</source>
        <translation>у справі %1 немає чинного рішення, яке можна відкликати</translation>
    </message>
    <message>
        <source>the MRZ check failed — %1; correct the zone as printed, or record it as damaged</source>
        <translation>перевірка MRZ не пройшла — %1; виправте зону так, як її надруковано, або запишіть її як пошкоджену</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>порожній файл</translation>
    </message>
    <message>
        <source>not an image file (accepted: %1)</source>
        <translation>не файл зображення (приймаються: %1)</translation>
    </message>
    <message>
        <source>corrupt image header</source>
        <translation>пошкоджений заголовок зображення</translation>
    </message>
    <message>
        <source>truncated or corrupt image data</source>
        <translation>обрізані або пошкоджені дані зображення</translation>
    </message>
    <message>
        <source>too large to decode safely (%1)</source>
        <translation>завеликий для безпечного декодування (%1)</translation>
    </message>
    <message>
        <source>image has no pixels</source>
        <translation>зображення не містить пікселів</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>не вдається прочитати (%1)</translation>
    </message>
    <message>
        <source>is not a regular file (a folder, a device or a pipe)</source>
        <translation>не звичайний файл (тека, пристрій чи канал)</translation>
    </message>
    <message>
        <source>the file changed while it was imported</source>
        <translation>файл змінився під час імпорту</translation>
    </message>
    <message>
        <source>%1; nothing was added</source>
        <translation>%1; нічого не додано</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>номер документа</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>дата народження</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>дата закінчення строку дії</translation>
    </message>
    <message>
        <source>personal number</source>
        <translation>особистий номер</translation>
    </message>
    <message>
        <source>composite check</source>
        <translation>загальна контрольна цифра</translation>
    </message>
    <message>
        <source>%1: line %2, position %3: the check digit is %4, the computed one %5</source>
        <translation>%1: рядок %2, позиція %3: контрольна цифра %4, а обчислена — %5</translation>
    </message>
    <message>
        <source>%1 is already on case %2</source>
        <translation>%1 вже є у справі %2</translation>
    </message>
    <message>
        <source>name an exchange or the cases to export</source>
        <translation>вкажіть обмін або справи для експорту</translation>
    </message>
    <message>
        <source>already on case %1, shown with document %2; change that in the photo&apos;s details</source>
        <translation>вже є у справі %1 і показує документ %2; змініть це в описі фото</translation>
    </message>
    <message>
        <source>already on case %1, shown with effect %2; change that in the photo&apos;s details</source>
        <translation>вже є у справі %1 і показує річ %2; змініть це в описі фото</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>%1 is above the upper age %2</source>
        <translation>%1 — більше за верхню межу віку %2</translation>
    </message>
    <message>
        <source>%1: the MRZ check failed, so the MRZ value is not used</source>
        <translation>%1: перевірка MRZ не пройшла, тож значення з MRZ не використано</translation>
    </message>
    <message>
        <source>%1: typed %2, the MRZ says %3</source>
        <translation>%1: введено %2, а в MRZ — %3</translation>
    </message>
    <message>
        <source>a foreign national needs the nationality assessed as foreign, with its basis</source>
        <translation>для статусу «іноземний громадянин» потрібна оцінка громадянства «іноземець» з підставою</translation>
    </message>
    <message>
        <source>a foreign nationality assessment needs its basis</source>
        <translation>оцінка громадянства «іноземець» потребує підстави</translation>
    </message>
    <message>
        <source>buried unidentified needs the cemetery and plot reference</source>
        <translation>для статусу «поховано під номером» потрібні кладовище й номер ділянки</translation>
    </message>
    <message>
        <source>identified needs an identification confirmed by a coordinator</source>
        <translation>для статусу «ідентифіковано» потрібна ідентифікація, підтверджена координатором</translation>
    </message>
    <message>
        <source>the case already has that status</source>
        <translation>справа вже має цей статус</translation>
    </message>
    <message>
        <source>name the case the report is about</source>
        <translation>вкажіть справу, про яку звіт</translation>
    </message>
    <message>
        <source>name the cases or the exchange to print labels for</source>
        <translation>вкажіть справи або обмін, для яких друкувати етикетки</translation>
    </message>
    <message>
        <source>name the exchange the report is about</source>
        <translation>вкажіть обмін, про який звіт</translation>
    </message>
    <message>
        <source>case</source>
        <translation>справа</translation>
    </message>
    <message>
        <source>case file</source>
        <translation>опечатаний файл справи</translation>
    </message>
    <message>
        <source>case or exchange</source>
        <translation>справа чи обмін</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>розбіжність</translation>
    </message>
    <message>
        <source>document</source>
        <translation>документ</translation>
    </message>
    <message>
        <source>document of case %1</source>
        <translation>документ справи %1</translation>
    </message>
    <message>
        <source>document of this case</source>
        <translation>документ цієї справи</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>обмін</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>given names</source>
        <translation>ім’я</translation>
    </message>
    <message>
        <source>issuing state</source>
        <translation>держава видачі</translation>
    </message>
    <message>
        <source>link</source>
        <translation>зв’язок</translation>
    </message>
    <message>
        <source>original file of the photo</source>
        <translation>оригінал фото</translation>
    </message>
    <message>
        <source>personal effect</source>
        <translation>особиста річ</translation>
    </message>
    <message>
        <source>personal effect of case %1</source>
        <translation>особиста річ справи %1</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>photo of case %1</source>
        <translation>фото справи %1</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>зразок</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>стать</translation>
    </message>
    <message>
        <source>surname</source>
        <translation>прізвище</translation>
    </message>
    <message>
        <source>user</source>
        <translation>користувач</translation>
    </message>
    <message>
        <source>workspace</source>
        <translation>робочий простір</translation>
    </message>
    <message>
        <source>the workflow has no such step</source>
        <translation>такого кроку в порядку роботи немає</translation>
    </message>
    <message>
        <source>MRZ recorded as damaged: %1</source>
        <translation>MRZ записано як пошкоджену: %1</translation>
    </message>
</context>
</TS>
