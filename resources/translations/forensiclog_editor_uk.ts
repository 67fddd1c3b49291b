<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
<context>
    <name>CaseEditorTabs</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/tab_set.py" line="+27"/>
        <source>Findings</source>
        <translation>Огляд</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist</source>
        <translation>Дослідження</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Документи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effects</source>
        <translation>Особисті речі</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples</source>
        <translation>Зразки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identification</source>
        <translation>Ідентифікація</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custody</source>
        <translation>Переміщення</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Історія змін</translation>
    </message>
</context>
<context>
    <name>CaseEditorWindow</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/editor_window.py" line="+41"/>
        <source>Unsaved edits</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This case has edits that are not saved: %1.</source>
        <translation>У справі є незбережені зміни: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save them before closing?</source>
        <translation>Зберегти їх перед закриттям?</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;load</source>
        <translation>&amp;Оновити</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case %1 — ForensicLog</source>
        <translation>Справа %1 — ForensicLog</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Case</source>
        <translation>Справа</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Saving…</source>
        <translation>Збереження…</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Not saved — complete or revert the edits in: %1.</source>
        <translation>Не збережено — завершіть або скасуйте зміни у вкладках: %1.</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/case_header.py" line="+42"/>
        <source>Move to:</source>
        <translation>Перевести в:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Case number</source>
        <translation>Номер справи</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Correct status</source>
        <translation>&amp;Виправити статус</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Status: %1</source>
        <translation>Статус: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confirmed decision: corrections only by a coordinator, with a reason</source>
        <translation>Рішення підтверджено: виправлення лише координатором, з причиною</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchange %1 · tag %2</source>
        <translation>Обмін %1 · бирка %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identification potential %1 of 5</source>
        <translation>Потенціал ідентифікації %1 з 5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing: %1</source>
        <translation>бракує: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Locked</source>
        <translation>Заблоковано</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read only</source>
        <translation>Лише перегляд</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Move to %1</source>
        <translation>Перевести в статус «%1»</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Correct the status</source>
        <translation>Виправлення статусу</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the status</source>
        <translation>Зміна статусу</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move case %1 from “%2” to “%3”. Why?</source>
        <translation>Перевести справу %1 зі статусу «%2» у «%3». Чому?</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/checklist_tab.py" line="+33"/>
        <source>Examination</source>
        <translation>Дослідження</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why not possible / note</source>
        <translation>Чому неможливо / примітка</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>A change is saved as soon as it is chosen; “Not possible” asks why.</source>
        <translation>Зміна зберігається одразу після вибору; для «Неможливо» треба вказати причину.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Examination not possible</source>
        <translation>Дослідження неможливе</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is “%1” not possible?</source>
        <translation>Чому «%1» неможливе?</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>CustodyTab</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/custody_tab.py" line="+28"/>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Звідки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Куди</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Custody and movement log</source>
        <translation>Журнал переміщень</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Move the body</source>
        <translation>&amp;Перемістити тіло</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move the body</source>
        <translation>Переміщення тіла</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>refrigerator, shelf, box</source>
        <translation>холодильник, полиця, ящик</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;location</source>
        <translation>Нове &amp;місце зберігання</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Why</source>
        <translation>При&amp;чина</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>not recorded</source>
        <translation>не вказано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now at: %1</source>
        <translation>Зараз: %1</translation>
    </message>
</context>
<context>
    <name>DocumentForm</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/document_form.py" line="+94"/>
        <location line="+147"/>
        <source>Photos of this document</source>
        <translation>Фото цього документа</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>Record the zone as &amp;damaged (accept failed checks)</source>
        <translation>Записати зону як &amp;пошкоджену (з помилками)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save document</source>
        <translation>&amp;Зберегти документ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Скасувати зміни</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issuing &amp;state</source>
        <translation>&amp;Держава видачі</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document &amp;number</source>
        <translation>&amp;Номер документа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Su&amp;rname as printed</source>
        <translation>&amp;Прізвище як надруковано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given names as printed</source>
        <translation>&amp;Ім’я як надруковано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of &amp;birth</source>
        <translation>Дата народ&amp;ження</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Place of birth</source>
        <translation>&amp;Місце народження</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>M</source>
        <translation>Ч</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F</source>
        <translation>Ж</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;x as printed</source>
        <translation>С&amp;тать як надруковано</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Expiry date</source>
        <translation>Дійсний &amp;до</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal n&amp;umber</source>
        <translation>Особистий н&amp;омер</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Found at (on the body)</source>
        <translation>Де &amp;знайдено (на тілі)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence &amp;bag / seal</source>
        <translation>Па&amp;кет / пломба</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>N&amp;otes</source>
        <translation>При&amp;мітки</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>New document</source>
        <translation>Новий документ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document %1</source>
        <translation>Документ %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No photo of this document yet</source>
        <translation>Фото цього документа ще немає</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/documents_tab.py" line="+35"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name as printed</source>
        <translation>Ім’я як надруковано</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>MRZ damaged</source>
        <translation>MRZ пошкоджена</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Documents found</source>
        <translation>Знайдені документи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New document</source>
        <translation>Новий &amp;документ</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>edit of document %1</source>
        <translation>зміну документа %1</translation>
    </message>
</context>
<context>
    <name>EditorContext</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/editor_context.py" line="+69"/>
        <source>Correction of a locked case</source>
        <translation>Виправлення заблокованої справи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This case is locked by a confirmed decision. Say why this correction is needed:</source>
        <translation>Справу заблоковано підтвердженим рішенням. Поясніть, чому потрібне це виправлення:</translation>
    </message>
</context>
<context>
    <name>EffectsTab</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/effects_tab.py" line="+43"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found at</source>
        <translation>Де знайдено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bag / seal</source>
        <translation>Пакет / пломба</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Personal effects</source>
        <translation>Особисті речі</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New effect</source>
        <translation>Нова &amp;річ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save effect</source>
        <translation>&amp;Зберегти річ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Скасувати зміни</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. watch, ring, phone, letter</source>
        <translation>напр. годинник, каблучка, телефон, лист</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Description</source>
        <translation>&amp;Опис</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Found at (on the body)</source>
        <translation>Де &amp;знайдено (на тілі)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence &amp;bag / seal</source>
        <translation>Па&amp;кет / пломба</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>New effect</source>
        <translation>Нова річ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Effect %1</source>
        <translation>Річ %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>edit of effect %1</source>
        <translation>зміну речі %1</translation>
    </message>
</context>
<context>
    <name>FindingsTab</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/findings_tab.py" line="+53"/>
        <source>&amp;Save findings</source>
        <translation>&amp;Зберегти огляд</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Скасувати зміни</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where on the body</source>
        <translation>Де на тілі</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number</source>
        <translation>Серійний номер</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add mark</source>
        <translation>&amp;Додати прикмету</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Examination</source>
        <translation>Огляд</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tag</source>
        <translation>&amp;Бирка</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;ondition</source>
        <translation>&amp;Стан</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;ex</source>
        <translation>С&amp;тать</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Age range (years)</source>
        <translation>&amp;Вік (років)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age range, upper bound</source>
        <translation>Вік, верхня межа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stat&amp;ure (cm)</source>
        <translation>&amp;Зріст (см)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Burial ce&amp;metery</source>
        <translation>&amp;Кладовище</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Burial &amp;plot</source>
        <translation>&amp;Ділянка / могила</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Clothing and uniform</source>
        <translation>&amp;Одяг і форма</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Примітки</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+2"/>
        <source>Distinguishing marks</source>
        <translation>Особливі прикмети</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mark &amp;kind</source>
        <translation>&amp;Вид прикмети</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description</source>
        <translation>О&amp;пис</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Where on the body</source>
        <translation>Де на &amp;тілі</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial &amp;number (prostheses)</source>
        <translation>Серійний &amp;номер (протези)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>edit of the findings</source>
        <translation>зміну огляду</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/history_text.py" line="+32"/>
        <source>Body registered</source>
        <translation>Тіло зареєстровано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body checked in against the handover list</source>
        <translation>Тіло прийнято за списком передачі</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case created from the handover list</source>
        <translation>Справу створено зі списку передачі</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body part registered</source>
        <translation>Фрагмент тіла зареєстровано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings edited</source>
        <translation>Огляд змінено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked as a suspected duplicate</source>
        <translation>Пов’язано як можливий дублікат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status moved</source>
        <translation>Статус змінено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status corrected</source>
        <translation>Статус виправлено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist changed</source>
        <translation>Перелік досліджень змінено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body moved</source>
        <translation>Тіло переміщено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declared data recorded</source>
        <translation>Заявлені дані записано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distinguishing mark added</source>
        <translation>Прикмету додано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample taken</source>
        <translation>Зразок відібрано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample result recorded</source>
        <translation>Результат зразка записано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document added</source>
        <translation>Документ додано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document edited</source>
        <translation>Документ змінено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal effect added</source>
        <translation>Особисту річ додано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal effect edited</source>
        <translation>Особисту річ змінено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo added</source>
        <translation>Фото додано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo details edited</source>
        <translation>Опис фото змінено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo file stored</source>
        <translation>Файл фото збережено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identification proposed</source>
        <translation>Ідентифікацію запропоновано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identification confirmed</source>
        <translation>Ідентифікацію підтверджено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusion proposed</source>
        <translation>Виключення запропоновано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusion confirmed</source>
        <translation>Виключення підтверджено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision withdrawn</source>
        <translation>Рішення відкликано</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tag</source>
        <translation>бирка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>condition</source>
        <translation>стан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sex</source>
        <translation>стать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>age from</source>
        <translation>вік від</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>age to</source>
        <translation>вік до</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stature (cm)</source>
        <translation>зріст (см)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clothing</source>
        <translation>одяг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notes</source>
        <translation>примітки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nationality</source>
        <translation>громадянство</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>basis</source>
        <translation>підстава</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cemetery</source>
        <translation>кладовище</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plot</source>
        <translation>ділянка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>location</source>
        <translation>місце зберігання</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>куди</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>caption</source>
        <translation>підпис</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issuing state</source>
        <translation>держава видачі</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation>номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>surname</source>
        <translation>прізвище</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>given names</source>
        <translation>ім’я</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date of birth</source>
        <translation>дата народження</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>description</source>
        <translation>опис</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>found at</source>
        <translation>де знайдено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bag / seal</source>
        <translation>пакет / пломба</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>result</source>
        <translation>результат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>laboratory</source>
        <translation>лабораторія</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state</source>
        <translation>стан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>methods</source>
        <translation>методи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document</source>
        <translation>документ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>effect</source>
        <translation>річ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>arrived</source>
        <translation>надійшло</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <location line="+28"/>
        <source> (correction)</source>
        <translation> (виправлення)</translation>
    </message>
    <message>
        <source>place of birth</source>
        <translation>місце народження</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>дійсний до</translation>
    </message>
    <message>
        <source>personal number</source>
        <translation>особистий номер</translation>
    </message>
    <message>
        <source>machine-readable zone (MRZ)</source>
        <translation>машинозчитувана зона (MRZ)</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>причина</translation>
    </message>
    <message>
        <source>place</source>
        <translation>місце</translation>
    </message>
    <message>
        <source>case</source>
        <translation>справа</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>фото</translation>
    </message>
    <message>
        <source>files</source>
        <translation>файли</translation>
    </message>
    <message>
        <source>user</source>
        <translation>користувач</translation>
    </message>
    <message>
        <source>password</source>
        <translation>пароль</translation>
    </message>
    <message>
        <source>site code</source>
        <translation>код місця</translation>
    </message>
    <message>
        <source>team code</source>
        <translation>код команди</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>обмін</translation>
    </message>
    <message>
        <source>workspace</source>
        <translation>робочий простір</translation>
    </message>
    <message>
        <source>output file</source>
        <translation>файл для запису</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>куди</translation>
    </message>
    <message>
        <source>name</source>
        <translation>ім’я</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>номер документа</translation>
    </message>
    <message>
        <source>composite check</source>
        <translation>загальна контрольна цифра</translation>
    </message>
    <message>
        <source>where on the body</source>
        <translation>де на тілі</translation>
    </message>
    <message>
        <source>serial number</source>
        <translation>серійний номер</translation>
    </message>
    <message>
        <source>service number</source>
        <translation>службовий номер</translation>
    </message>
    <message>
        <source>basis document</source>
        <translation>документ-підстава</translation>
    </message>
    <message>
        <source>decided</source>
        <translation>рішення ухвалено</translation>
    </message>
    <message>
        <source>decided by</source>
        <translation>хто ухвалив рішення</translation>
    </message>
    <message>
        <source>from</source>
        <translation>звідки</translation>
    </message>
    <message>
        <source>location edited with the findings</source>
        <translation>місце змінено разом з оглядом</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>переміщено</translation>
    </message>
    <message>
        <source>moved by</source>
        <translation>хто перемістив</translation>
    </message>
    <message>
        <source>on registration</source>
        <translation>під час реєстрації</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>запропоновано</translation>
    </message>
    <message>
        <source>proposed by</source>
        <translation>хто запропонував</translation>
    </message>
    <message>
        <source>reason for the decision</source>
        <translation>причина рішення</translation>
    </message>
    <message>
        <source>report</source>
        <translation>звіт</translation>
    </message>
    <message>
        <source>result recorded</source>
        <translation>результат записано</translation>
    </message>
    <message>
        <source>result recorded by</source>
        <translation>хто записав результат</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>відібрано</translation>
    </message>
    <message>
        <source>taken by</source>
        <translation>хто відібрав</translation>
    </message>
    <message>
        <source>replaced by a new identification proposal</source>
        <translation>замінено новою пропозицією ідентифікації</translation>
    </message>
    <message>
        <source>replaced by a new exclusion proposal</source>
        <translation>замінено новою пропозицією виключення</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/history_tab.py" line="+29"/>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Що</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Зміна</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History of the case</source>
        <translation>Історія змін справи</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every change is kept: an undo or a correction is a new entry, never an erasure. Newest first.</source>
        <translation>Кожна зміна зберігається: скасування чи виправлення — це новий запис, а не стирання. Найновіші — вгорі.</translation>
    </message>
</context>
<context>
    <name>IdentificationTab</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/identification_tab.py" line="+47"/>
        <source>&amp;Confirm…</source>
        <translation>&amp;Підтвердити…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Відкликати…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Propose identification</source>
        <translation>&amp;Запропонувати ідентифікацію</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propose e&amp;xclusion</source>
        <translation>Запропонувати &amp;виключення</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decision</source>
        <translation>Рішення</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed</source>
        <translation>Запропоновано</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decided</source>
        <translation>Вирішено</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Basis</source>
        <translation>Підстава</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Standing decision</source>
        <translation>Чинне рішення</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decisions of this case</source>
        <translation>Рішення у справі</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Propose an identification</source>
        <translation>Запропонувати ідентифікацію</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Surname</source>
        <translation>&amp;Прізвище</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given names</source>
        <translation>&amp;Ім’я та по батькові</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of &amp;birth</source>
        <translation>Дата народ&amp;ження</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service n&amp;umber</source>
        <translation>Особистий &amp;номер військовослужбовця</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>YYYY-MM-DD</source>
        <translation>РРРР-ММ-ДД</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On the basis of</source>
        <translation>На підставі</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Supporting &amp;document</source>
        <translation>&amp;Документ-підстава</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reasoning</source>
        <translation>&amp;Обґрунтування</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Propose an exclusion (not one of ours)</source>
        <translation>Запропонувати виключення (тіло не нашої сторони)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Foreign d&amp;ocument</source>
        <translation>Іноземний до&amp;кумент</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>B&amp;asis</source>
        <translation>П&amp;ідстава</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Assess the nationality as foreign, with its basis, first.</source>
        <translation>Спершу оцініть громадянство як іноземне та вкажіть підставу.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>(none)</source>
        <translation>(немає)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No identification or exclusion has been proposed.</source>
        <translation>Ідентифікацію чи виключення ще не запропоновано.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proposed by %1 on %2: %3</source>
        <translation>Запропонував(ла) %1, %2: %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>primary identifier</source>
        <translation>первинний ідентифікатор</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>presumptive: secondary evidence only</source>
        <translation>імовірна: лише вторинні ознаки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Basis: %1 (%2)</source>
        <translation>Підстава: %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decided by %1 on %2: %3</source>
        <translation>Вирішив(ла) %1, %2: %3</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Confirm the decision</source>
        <translation>Підтвердження рішення</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirming locks case %1 against edits. On what grounds do you confirm?</source>
        <translation>Підтвердження заблокує справу %1 від змін. На якій підставі ви підтверджуєте?</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Withdraw the decision</source>
        <translation>Відкликання рішення</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is the standing decision withdrawn?</source>
        <translation>Чому чинне рішення відкликається?</translation>
    </message>
</context>
<context>
    <name>ImportBar</name>
    <message>
        <location filename="../../forensiclog/ui/photos/import_bar.py" line="+36"/>
        <source>&amp;Add photos…</source>
        <translation>&amp;Додати фото…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New photos &amp;show:</source>
        <translation>На нових &amp;фото:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What new photos show</source>
        <translation>Що зображено на нових фото</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>or drop files and folders here</source>
        <translation>або перетягніть сюди файли й теки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import progress</source>
        <translation>Хід імпорту</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel import</source>
        <translation>&amp;Скасувати імпорт</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../forensiclog/ui/photos/import_report.py" line="+19"/>
        <source>No photo files were found in what was dropped or chosen.</source>
        <translation>Серед перетягнутого чи вибраного не знайдено файлів фото.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>Додано %n фото.</numerusform>
            <numerusform>Додано %n фото.</numerusform>
            <numerusform>Додано %n фото.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n file(s) refused — listed below with the reason.</source>
        <translation>
            <numerusform>%n файл відхилено — його наведено нижче з причиною.</numerusform>
            <numerusform>%n файли відхилено — їх наведено нижче з причинами.</numerusform>
            <numerusform>%n файлів відхилено — їх наведено нижче з причинами.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n photo(s) already on this case, not added again.</source>
        <translation>
            <numerusform>%n фото вже є у справі, повторно не додано.</numerusform>
            <numerusform>%n фото вже є у справі, повторно не додано.</numerusform>
            <numerusform>%n фото вже є у справі, повторно не додано.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import cancelled: the photos added before cancelling are kept.</source>
        <translation>Імпорт скасовано: фото, додані до скасування, збережено.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import stopped: %1</source>
        <translation>Імпорт зупинено: %1</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/message_bar.py" line="+23"/>
        <source>Dismiss message</source>
        <translation>Закрити повідомлення</translation>
    </message>
</context>
<context>
    <name>MrzBox</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/mrz_box.py" line="+38"/>
        <source>Document number</source>
        <translation>Номер документа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Дата народження</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiry date</source>
        <translation>Дійсний до</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal number</source>
        <translation>Особистий номер</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Composite check</source>
        <translation>Загальна контрольна цифра</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Machine-readable zone (MRZ)</source>
        <translation>&amp;Машинозчитувана зона (MRZ)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Type or paste the 2 or 3 lines printed at the foot of the page</source>
        <translation>Введіть або вставте 2 чи 3 рядки з нижньої частини сторінки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Machine-readable zone</source>
        <translation>Машинозчитувана зона</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>valid</source>
        <translation>правильна</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid (line %1, position %2)</source>
        <translation>помилкова (рядок %1, позиція %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not typed yet</source>
        <translation>ще не введено</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No zone typed.</source>
        <translation>Зону не введено.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line %1: %2 of %3</source>
        <translation>рядок %1: %2 з %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> — all checks valid</source>
        <translation> — усі контрольні цифри правильні</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> — check failed</source>
        <translation> — контрольна цифра помилкова</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Line %1, position %2: “%3” is not an MRZ character (A–Z, 0–9, &lt;).</source>
        <translation>Рядок %1, позиція %2: «%3» не є символом MRZ (A–Z, 0–9, &lt;).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line %1 is longer than this format allows.</source>
        <translation>Рядок %1 довший, ніж дозволяє цей формат.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This zone cannot be read: %1</source>
        <translation>Цю зону неможливо прочитати: %1</translation>
    </message>
</context>
<context>
    <name>NationalityPanel</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/nationality_panel.py" line="+36"/>
        <source>Nationality assessment</source>
        <translation>Оцінка громадянства</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;assessment</source>
        <translation>Зберегти &amp;оцінку</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Nationality</source>
        <translation>&amp;Громадянство</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Foreign &amp;document</source>
        <translation>Іноземний &amp;документ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. Russian internal passport found in a pocket</source>
        <translation>напр. у кишені знайдено внутрішній паспорт РФ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Basis</source>
        <translation>&amp;Підстава</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(none found)</source>
        <translation>(немає)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(none)</source>
        <translation>(немає)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>nationality assessment</source>
        <translation>оцінку громадянства</translation>
    </message>
</context>
<context>
    <name>PhotoDetailsPanel</name>
    <message>
        <location filename="../../forensiclog/ui/photos/photo_details_panel.py" line="+42"/>
        <source>Selected photo</source>
        <translation>Вибране фото</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save photo details</source>
        <translation>&amp;Зберегти опис фото</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open large</source>
        <translation>&amp;Відкрити</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Shows</source>
        <translation>&amp;Що на фото</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ca&amp;ption</source>
        <translation>&amp;Підпис</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Document</source>
        <translation>&amp;Документ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Effect</source>
        <translation>&amp;Річ</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(none)</source>
        <translation>(немає)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select a photo to see and edit its details.</source>
        <translation>Виберіть фото, щоб переглянути та змінити його опис.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File: %1</source>
        <translation>Файл: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported %1 by %2</source>
        <translation>Імпортовано %1, %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SHA-256: %1…</source>
        <translation>SHA-256: %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taken %1</source>
        <translation>Знято %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 пікселів</translation>
    </message>
</context>
<context>
    <name>PhotoGridModel</name>
    <message>
        <location filename="../../forensiclog/ui/photos/photo_grid_model.py" line="+97"/>
        <source>taken %1</source>
        <translation>знято %1</translation>
    </message>
</context>
<context>
    <name>PhotoGridView</name>
    <message>
        <location filename="../../forensiclog/ui/photos/photo_grid_view.py" line="+42"/>
        <source>Photos of the case</source>
        <translation>Фото справи</translation>
    </message>
</context>
<context>
    <name>PhotoKind</name>
    <message>
        <location filename="../../forensiclog/ui/photos/photo_kinds.py" line="+12"/>
        <source>Overview</source>
        <translation>Загальний вигляд</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face</source>
        <translation>Обличчя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal effect</source>
        <translation>Особиста річ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tattoo or mark</source>
        <translation>Татуювання чи прикмета</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clothing</source>
        <translation>Одяг</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Інше</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../forensiclog/ui/photos/photo_viewer.py" line="+116"/>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>◀ Previous</source>
        <translation>◀ Попереднє</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next ▶</source>
        <translation>Наступне ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (−)</source>
        <translation>Зменшити (−)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (+)</source>
        <translation>Збільшити (+)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit</source>
        <translation>&amp;Вмістити</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;100%</source>
        <translation>&amp;100%</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 of %2</source>
        <translation>%1 з %2</translation>
    </message>
</context>
<context>
    <name>PhotosTab</name>
    <message numerus="yes">
        <location filename="../../forensiclog/ui/photos/photos_tab.py" line="+91"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n фото</numerusform>
            <numerusform>%n фото</numerusform>
            <numerusform>%n фото</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Add photos</source>
        <translation>Додати фото</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photos (%1);;All files (*)</source>
        <translation>Фото (%1);;Усі файли (*)</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>edit of photo %1</source>
        <translation>зміну фото %1</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/reason_dialog.py" line="+25"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>RefusedFilesPanel</name>
    <message>
        <location filename="../../forensiclog/ui/photos/import_bar.py" line="+34"/>
        <location line="+8"/>
        <source>Files not imported</source>
        <translation>Неімпортовані файли</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Dismiss list</source>
        <translation>&amp;Закрити список</translation>
    </message>
</context>
<context>
    <name>SamplesTab</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/samples_tab.py" line="+38"/>
        <source>Sample number</source>
        <translation>Номер зразка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken</source>
        <translation>Відібрано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laboratory</source>
        <translation>Лабораторія</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>awaited</source>
        <translation>очікується</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Samples</source>
        <translation>Зразки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add sample</source>
        <translation>&amp;Додати зразок</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record result</source>
        <translation>&amp;Записати результат</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result of the selected sample</source>
        <translation>Результат вибраного зразка</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New sample</source>
        <translation>Новий зразок</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Kind</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample &amp;number</source>
        <translation>&amp;Номер зразка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent to &amp;laboratory</source>
        <translation>Надіслано до &amp;лабораторії</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Res&amp;ult</source>
        <translation>&amp;Результат</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>La&amp;boratory</source>
        <translation>Ла&amp;бораторія</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Result of sample %1</source>
        <translation>Результат зразка %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a sample to record its result</source>
        <translation>Виберіть зразок, щоб записати його результат</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/edit_commands.py" line="+49"/>
        <location line="+49"/>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <location line="-47"/>
        <location line="+50"/>
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>undo</source>
        <translation>скасування</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>redo</source>
        <translation>повторення</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Скасувати %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Повторити %1</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../forensiclog/ui/case_editor/labels.py" line="+27"/>
        <source>External examination and photos</source>
        <translation>Зовнішній огляд і фото</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effects and documents</source>
        <translation>Речі та документи</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Fingerprints</source>
        <translation>Дактилоскопія</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+23"/>
        <source>Dental</source>
        <translation>Одонтологія</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Anthropology</source>
        <translation>Антропологія</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pathology</source>
        <translation>Патоморфологія</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNA sampling</source>
        <translation>Відбір зразків ДНК</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not started</source>
        <translation>Не розпочато</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>Триває</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Виконано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not possible</source>
        <translation>Неможливо</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bone</source>
        <translation>Кістка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tooth</source>
        <translation>Зуб</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tissue</source>
        <translation>Тканина</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blood</source>
        <translation>Кров</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DNA</source>
        <translation>ДНК</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents</source>
        <translation>Документи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visual recognition</source>
        <translation>Візуальне впізнання</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal effects</source>
        <translation>Особисті речі</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Identification</source>
        <translation>Ідентифікація</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusion</source>
        <translation>Виключення</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proposed</source>
        <translation>Запропоновано</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>Підтверджено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn</source>
        <translation>Відкликано</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>International passport</source>
        <translation>Закордонний паспорт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal passport</source>
        <translation>Внутрішній паспорт</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Military ID</source>
        <translation>Військовий квиток</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID card</source>
        <translation>ID-картка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity tag</source>
        <translation>Жетон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driving licence</source>
        <translation>Посвідчення водія</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Інше</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tattoo</source>
        <translation>Татуювання</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scar</source>
        <translation>Шрам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prosthesis</source>
        <translation>Протез</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other mark</source>
        <translation>Інша прикмета</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>external examination</source>
        <translation>зовнішній огляд</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overview photo</source>
        <translation>загальне фото</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>face photo</source>
        <translation>фото обличчя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>effects inventory</source>
        <translation>опис особистих речей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fingerprints</source>
        <translation>дактилоскопія</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dental examination</source>
        <translation>одонтологічне дослідження</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNA sample</source>
        <translation>зразок ДНК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNA result</source>
        <translation>результат ДНК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>biological profile</source>
        <translation>біологічний профіль</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nationality assessment</source>
        <translation>оцінка громадянства</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>storage location</source>
        <translation>місце зберігання</translation>
    </message>
</context>
</TS>
