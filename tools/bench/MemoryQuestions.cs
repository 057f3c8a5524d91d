namespace Monolith.Bench;

/// <summary>
/// The memory-quality set: facts a bot user tells (20 per language), each asked back twice, once in other words
/// (paraphrase) and once with the fact's own words in other forms (word form), among ordinary chit-chat.
/// </summary>
public static class MemoryQuestions
{
    public static readonly IReadOnlyList<MemoryFact> Facts =
    [
        new("en", "My cat is called Murka.", "What's the name of my pet?", "what are the names of my cats?"),
        new("en", "I drive a red Toyota Corolla.", "What car do I have?", "which Toyota was I driving?"),
        new("en", "I'm learning Japanese on Duolingo every evening.", "Which foreign language am I studying?", "when do I learn japanese"),
        new("en", "My sister Anna lives in Berlin.", "Where does my sibling live?", "which city is my sister living in?"),
        new("en", "I am allergic to peanuts.", "Which nut is dangerous for me?", "my peanut allergy"),
        new("en", "My birthday is on the 14th of March.", "When was I born?", "birthdays in March"),
        new("en", "I work as a nurse at the city hospital.", "What is my job?", "nursing at hospitals"),
        new("en", "I play the guitar in a small jazz band.", "Which musical instrument do I play?", "playing guitars"),
        new("en", "My favourite book is The Master and Margarita.", "What novel do I like most?", "favourite books"),
        new("en", "I moved to Lisbon two years ago.", "Which city did I relocate to?", "moving to Lisbon"),
        new("en", "My daughter's school starts at 8:30.", "What time do my kid's classes begin?", "when do schools start for daughters"),
        new("en", "I run five kilometres every morning.", "What exercise do I do daily?", "running in the mornings"),
        new("en", "My wife's name is Olena.", "What is my spouse called?", "wives named Olena"),
        new("en", "I am vegetarian and never eat meat.", "Do I have any dietary restrictions?", "vegetarians eating meat"),
        new("en", "My flight to Tokyo leaves on Friday.", "When is my trip to Japan?", "flights to Tokyo on Fridays"),
        new("en", "I keep my passport in the top drawer of the desk.", "Where did I put my travel document?", "passports in drawers"),
        new("en", "My doctor told me to take vitamin D.", "Which supplement should I take?", "vitamins the doctors recommend"),
        new("en", "The wifi password at home is sunflower42.", "How do I get online at my place?", "wifi passwords"),
        new("en", "My son is afraid of dogs.", "Which animals frighten my boy?", "sons afraid of a dog"),
        new("en", "I bought a new apartment near the river.", "Where is the flat I purchased?", "buying apartments by rivers"),

        new("ru", "Мою кошку зовут Мурка.", "Как зовут моего питомца?", "что ты знаешь о кошке Мурке?"),
        new("ru", "Я езжу на красной тойоте.", "Какая у меня машина?", "красная тойота"),
        new("ru", "Я учу японский язык по вечерам.", "Какой иностранный язык я осваиваю?", "учить японскому языку"),
        new("ru", "Моя сестра Анна живёт в Берлине.", "В каком городе обитает моя родственница?", "про сестру Анну из Берлина"),
        new("ru", "У меня аллергия на арахис.", "Какой орех для меня опасен?", "аллергией на арахис"),
        new("ru", "Мой день рождения четырнадцатого марта.", "Когда я родился?", "дни рождения в марте"),
        new("ru", "Я работаю медсестрой в городской больнице.", "Какая у меня профессия?", "работа медсестры в больницах"),
        new("ru", "Я играю на гитаре в джазовой группе.", "Какой музыкальный инструмент у меня есть?", "игра на гитарах"),
        new("ru", "Моя любимая книга — «Мастер и Маргарита».", "Какой роман мне нравится больше всего?", "любимые книги"),
        new("ru", "Два года назад я переехал в Лиссабон.", "В какой город я перебрался?", "переезд в Лиссабоне"),
        new("ru", "Уроки у дочери начинаются в половине девятого.", "Во сколько мой ребёнок должен быть в школе?", "урок дочки начинается"),
        new("ru", "Каждое утро я бегаю пять километров.", "Каким спортом я занимаюсь ежедневно?", "бегать по утрам"),
        new("ru", "Мою жену зовут Олена.", "Как зовут мою супругу?", "жене Олене"),
        new("ru", "Я вегетарианец и не ем мясо.", "Есть ли у меня ограничения в питании?", "вегетарианцы мяса не едят"),
        new("ru", "Мой рейс в Токио вылетает в пятницу.", "Когда я лечу в Японию?", "рейсы в Токио по пятницам"),
        new("ru", "Паспорт лежит в верхнем ящике стола.", "Где мои документы для поездки?", "паспорта в ящиках"),
        new("ru", "Врач посоветовал мне принимать витамин D.", "Какую добавку мне нужно пить?", "витамины от врача"),
        new("ru", "Пароль от вайфая дома — подсолнух42.", "Как подключиться к интернету у меня в квартире?", "пароли вайфай"),
        new("ru", "Мой сын боится собак.", "Каких животных опасается мой мальчик?", "сын боялся собаку"),
        new("ru", "Я купил новую квартиру у реки.", "Где находится жильё, которое я приобрёл?", "покупка квартиры у реки"),

        new("uk", "Мою кішку звати Мурка.", "Як звати мого улюбленця?", "що ти знаєш про кішку Мурку?"),
        new("uk", "Я їжджу на червоній тойоті.", "Яка в мене машина?", "червона тойота"),
        new("uk", "Я вивчаю японську мову щовечора.", "Яку іноземну мову я опановую?", "вивчати японську"),
        new("uk", "Моя сестра Ганна живе в Берліні.", "У якому місті мешкає моя родичка?", "про сестру Ганну з Берліна"),
        new("uk", "У мене алергія на арахіс.", "Який горіх для мене небезпечний?", "алергією на арахіс"),
        new("uk", "Мій день народження чотирнадцятого березня.", "Коли я народився?", "дні народження в березні"),
        new("uk", "Я працюю медсестрою в міській лікарні.", "Яка в мене професія?", "робота медсестри в лікарнях"),
        new("uk", "Я граю на гітарі в джазовому гурті.", "Який музичний інструмент у мене є?", "гра на гітарах"),
        new("uk", "Моя улюблена книга — «Майстер і Маргарита».", "Який роман мені подобається найбільше?", "улюблені книги"),
        new("uk", "Два роки тому я переїхав до Лісабона.", "До якого міста я перебрався?", "переїзд у Лісабон"),
        new("uk", "Уроки в доньки починаються о пів на дев'яту.", "О котрій моя дитина має бути в школі?", "урок доньки починається"),
        new("uk", "Щоранку я бігаю п'ять кілометрів.", "Яким спортом я займаюся щодня?", "бігати кілометр"),
        new("uk", "Мою дружину звати Олена.", "Як звати мою жінку?", "дружині Олені"),
        new("uk", "Я вегетаріанець і не їм м'яса.", "Чи є в мене обмеження в харчуванні?", "вегетаріанці м'ясо"),
        new("uk", "Мій рейс до Токіо вилітає в п'ятницю.", "Коли я лечу до Японії?", "рейси до Токіо по п'ятницях"),
        new("uk", "Паспорт лежить у верхній шухляді столу.", "Де мої документи для подорожі?", "паспорти в шухлядах"),
        new("uk", "Лікар порадив мені приймати вітамін D.", "Яку добавку мені треба пити?", "вітаміни від лікаря"),
        new("uk", "Пароль від вайфаю вдома — соняшник42.", "Як підключитися до інтернету в моїй квартирі?", "паролі вайфай"),
        new("uk", "Мій син боїться собак.", "Яких тварин лякається мій хлопчик?", "син боявся собаку"),
        new("uk", "Я купив нову квартиру біля річки.", "Де житло, яке я придбав?", "купівля квартири біля річки"),
    ];

    public static readonly IReadOnlyList<string> ChitChat =
    [
        "Hi there!", "Thanks, that's helpful", "What's the weather like today?", "Tell me a joke", "I'm bored", "Good night",
        "lol", "Can you help me write an email?", "ok", "Sounds good", "How are you?", "I had a long day at work",
        "Let's talk later", "The movie yesterday was great", "I need coffee",
        "Привет!", "Спасибо, очень помог", "Какая сегодня погода?", "Расскажи анекдот", "Мне скучно", "Спокойной ночи",
        "ахах", "Помоги написать письмо", "ок", "Звучит неплохо", "Как дела?", "Был тяжёлый день на работе",
        "Поговорим позже", "Вчерашний фильм был классный", "Хочу кофе",
        "Привіт!", "Дякую, дуже допоміг", "Яка сьогодні погода?", "Розкажи анекдот", "Мені нудно", "На добраніч",
        "хаха", "Допоможи написати листа", "добре", "Звучить чудово", "Як справи?", "Був важкий день на роботі",
        "Поговоримо пізніше", "Вчорашній фільм був класний", "Хочу кави",
    ];
}

/// <summary>One told fact and the two ways it is asked back.</summary>
public sealed record MemoryFact(string Language, string Text, string Paraphrase, string WordForm);
