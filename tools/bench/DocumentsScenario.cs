using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monolith.Configuration;
using Monolith.Database;
using Monolith.Documents;
using Monolith.Host;
using Monolith.Search;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Monolith.Bench;

/// <summary>
/// documents: long generated PDFs with facts planted past the first page, asked about in other words. Ingest
/// throughput (read + chunk + store, then the embedding worker) and top-3 recall of the chunk holding the fact,
/// beside indexing each document whole, as a long text was indexed before documents had chunks.
/// </summary>
public sealed class DocumentsScenario : IBenchmarkScenario
{
    private const long ChunkedUser = 1;
    private const long WholeUser = 2;
    private const int PagesPerDocument = 12;
    private const int LinesPerPage = 40;

    /// <summary>Each fact is planted once; its question asks for it in other words.</summary>
    private static readonly (string Fact, string Question)[] Facts =
    [
        ("{0} keeps the spare key under the third stone beside the oak gate.", "Where is the extra house key of {0} hidden?"),
        ("The boiler in the workshop of {0} must be serviced every eleven months.", "How often does the heater at {0}'s workshop need maintenance?"),
        ("{0} was born in the harbour town of Kestrel Bay in 1987.", "In which coastal town did {0} come into the world?"),
        ("The access code for the storage unit of {0} is 4719.", "What is the PIN of {0}'s locker?"),
        ("{0} is allergic to penicillin and carries an adrenaline pen.", "Which antibiotic must {0} avoid?"),
        ("The quarterly budget of the team led by {0} was cut to forty thousand euros.", "How much money does {0}'s group get each quarter?"),
        ("{0} prefers the night train when travelling to Vienna.", "How does {0} like to get to Vienna?"),
        ("The server room run by {0} is cooled to eighteen degrees Celsius.", "What temperature is {0}'s data centre kept at?"),
        ("{0} adopted a grey greyhound called Pepper from the shelter.", "What is the name of {0}'s dog?"),
        ("The wedding of {0} will take place in a vineyard near Porto in June.", "Where is {0} getting married?"),
        ("{0} drives a red electric van with a cracked windscreen.", "What car does {0} have?"),
        ("The thesis of {0} studies how glaciers in Iceland are melting.", "What is {0}'s doctoral research about?"),
        ("{0} takes two tablets of vitamin D every morning with breakfast.", "Which supplement does {0} swallow each day?"),
        ("The violin of {0} was built in Cremona in 1921.", "Where was {0}'s instrument made?"),
        ("{0} speaks Finnish fluently after living in Tampere for six years.", "Which foreign language does {0} know well?"),
        ("The flight of {0} to Montreal leaves at seven in the evening on Friday.", "When does {0}'s plane to Canada depart?"),
        ("{0} grows tomatoes and chillies on the balcony of the flat.", "What vegetables does {0} cultivate at home?"),
        ("The insurance policy of {0} covers flood damage up to ninety thousand pounds.", "How much water damage will {0}'s cover pay for?"),
        ("{0} ran the Berlin marathon in three hours and twelve minutes.", "What was {0}'s finishing time in the long-distance race in Germany?"),
        ("The landlord of {0} raised the rent by six percent in April.", "By how much did {0}'s housing costs go up?"),
        ("{0} repairs antique clocks in a small shop on Mill Street.", "What is {0}'s trade?"),
        ("The daughter of {0} starts primary school in September.", "When does {0}'s child begin her education?"),
        ("{0} cannot eat gluten because of coeliac disease.", "Which food intolerance does {0} have?"),
        ("The password hint of {0} is the name of a childhood cat.", "What reminds {0} of the login secret?"),
    ];

    private static readonly string[] Subjects = ["The committee", "Our office", "The new intern", "The finance group", "The night shift", "A visiting auditor", "The design team", "The librarian"];
    private static readonly string[] Verbs = ["reviewed", "discussed", "postponed", "summarised", "approved", "questioned", "archived", "rewrote"];
    private static readonly string[] Objects = ["the printer schedule", "the parking rules", "the holiday rota", "the coffee supplier contract", "the fire drill notes", "the window cleaning plan", "the desk layout", "the newsletter draft"];
    private static readonly string[] Endings = ["before lunch.", "without much debate.", "for the second time this month.", "after a long meeting.", "and sent a short memo.", "in the usual way.", "with minor changes.", "at the request of the board."];

    public string Name => "documents";

    public string Description =>
        $"12 generated PDFs of {PagesPerDocument} pages (--quick: 6) holding {Facts.Length} different facts on pages 2-{PagesPerDocument}, each asked about in other words; "
        + "ingest throughput and top-3 recall of the fact's chunk, beside each document indexed whole.";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var documents = context.Quick ? 6 : 12;
        var random = new Random(20261206);
        var report = context.Report;
        await using var scratch = await ScratchDatabase.CreateAsync(context.ServerUrl, "bench_documents", cancellationToken);
        await using var services = BuildServices(scratch.ConnectionString);
        await services.GetRequiredService<CoreMigrator>().MigrateAsync(cancellationToken);
        var library = services.GetRequiredService<DocumentLibrary>();
        var indexer = services.GetRequiredService<SearchIndexer>();
        var worker = ActivatorUtilities.CreateInstance<EmbeddingWorker>(services);
        var embedding = services.GetRequiredService<EmbeddingSettings>();
        var tokens = services.GetRequiredService<EmbeddingTokens>();
        var window = services.GetRequiredService<DocumentSettings>().ChunkTokens;

        var order = Enumerable.Range(0, Facts.Length).OrderBy(_ => random.Next()).ToList();
        var perDocument = Facts.Length / documents;
        var corpus = Enumerable.Range(0, documents).Select(d => Generate(d, order.Skip(d * perDocument).Take(perDocument).ToList(), random)).ToList();
        var bytes = corpus.Sum(c => c.Pdf.Length);

        var ingest = Stopwatch.StartNew();
        var chunks = 0;
        foreach (var document in corpus)
        {
            var added = await library.AddAsync(new NewDocument(ChunkedUser, document.Name, "application/pdf", document.Pdf), cancellationToken);
            chunks += added.Document.Chunks;
        }

        ingest.Stop();
        var embed = Stopwatch.StartNew();
        while (await worker.RunOnceAsync(cancellationToken) > 0)
        {
        }

        embed.Stop();

        // Before chunks: one search row per document holding its whole text; the model sees only its window of it.
        var wholeEmbed = Stopwatch.StartNew();
        var wholeIds = new Dictionary<Guid, int>();
        for (var i = 0; i < corpus.Count; i++)
        {
            var id = Guid.NewGuid();
            wholeIds[id] = i;
            await indexer.IndexAsync(new IndexedDocument("whole_document", id, WholeUser, corpus[i].Text), cancellationToken);
        }

        wholeEmbed.Stop();

        var questions = corpus.SelectMany((d, i) => d.Facts.Select(f => (Document: i, f.Fact, f.Question, f.Offset))).ToList();
        var pastWindow = questions.Count(q => tokens.Count(corpus[q.Document].Text[..q.Offset]) > window);
        var results = new Dictionary<string, (int Hits, List<double> Ms)>();
        foreach (var mode in new[] { SearchMode.Semantic, SearchMode.Hybrid })
        {
            var label = mode.ToString().ToLowerInvariant();
            results[$"chunks {label}"] = (0, []);
            results[$"whole {label}"] = (0, []);
            foreach (var question in questions)
            {
                var watch = Stopwatch.StartNew();
                var hits = await library.SearchAsync(ChunkedUser, question.Question, 3, mode, null, cancellationToken);
                watch.Stop();
                var found = hits.Any(h => h.Text.Contains(question.Fact, StringComparison.Ordinal));
                Record(results, $"chunks {label}", found, watch.Elapsed.TotalMilliseconds);

                watch.Restart();
                var filter = new SearchFilter(["whole_document"]);
                var search = services.GetRequiredService<DocumentSearch>();
                var whole = mode == SearchMode.Semantic
                    ? await search.SemanticAsync(WholeUser, await services.GetRequiredService<SearchEmbedder>().EmbedQueryAsync(question.Question, cancellationToken), 3, filter, SemanticScan.Exact, cancellationToken)
                    : await search.HybridAsync(WholeUser, question.Question, 3, filter, cancellationToken);
                watch.Stop();
                Record(results, $"whole {label}", whole.Any(h => wholeIds[h.EntityId] == question.Document), watch.Elapsed.TotalMilliseconds);
            }
        }

        var pages = documents * PagesPerDocument;
        var model = embedding.Provider == EmbeddingProvider.Onnx ? $"onnx ({Path.GetFileName(Path.GetDirectoryName(embedding.ModelPath))}/{Path.GetFileName(embedding.ModelPath)})" : embedding.Provider.ToString().ToLowerInvariant();
        await report.WriteLineAsync($"Documents: {documents} PDFs · {pages} pages · {bytes / 1024:N0} KB · {chunks} chunks of at most {window} tokens ({(tokens.Exact ? "the model's tokenizer" : "estimated tokens")}) · provider {model} · machine: 2 shared cores");
        await report.WriteLineAsync($"Questions: {questions.Count}, each about one planted fact; {pastWindow} of the facts lie past the first {window} tokens of their document.");
        await report.WriteLineAsync();
        await report.WriteLineAsync("| step | time | rate |");
        await report.WriteLineAsync("|---|---|---|");
        await report.WriteLineAsync(Invariant($"| read + chunk + store (PdfPig, chunker, one transaction each) | {ingest.Elapsed.TotalSeconds:0.0} s | {pages / ingest.Elapsed.TotalSeconds:0.0} pages/s |"));
        await report.WriteLineAsync(Invariant($"| embed the chunks (embedding worker, batches of {EmbeddingWorker.BatchSize}) | {embed.Elapsed.TotalSeconds:0.0} s | {chunks / embed.Elapsed.TotalSeconds:0.0} chunks/s |"));
        await report.WriteLineAsync(Invariant($"| baseline: embed each document whole | {wholeEmbed.Elapsed.TotalSeconds:0.0} s | {documents / wholeEmbed.Elapsed.TotalSeconds:0.0} documents/s |"));
        await report.WriteLineAsync();
        await report.WriteLineAsync("| index | mode | top-3 recall | p50 ms |");
        await report.WriteLineAsync("|---|---|---|---|");
        foreach (var (label, (hits, ms)) in results)
        {
            var what = label.StartsWith("chunks", StringComparison.Ordinal) ? "chunks (the fact's chunk in the top 3)" : $"whole documents (the fact's document in the top 3; chance {3.0 / documents:P0})";
            ms.Sort();
            await report.WriteLineAsync(Invariant($"| {what} | {label.Split(' ')[1]} | {(double)hits / questions.Count:P0} ({hits}/{questions.Count}) | {ms[ms.Count / 2]:0.0} |"));
        }
    }

    private static void Record(Dictionary<string, (int Hits, List<double> Ms)> results, string key, bool found, double ms)
    {
        var (hits, list) = results[key];
        list.Add(ms);
        results[key] = (hits + (found ? 1 : 0), list);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static GeneratedDocument Generate(int index, List<int> templates, Random random)
    {
        var factPages = Enumerable.Range(1, PagesPerDocument - 1).OrderBy(_ => random.Next()).Take(templates.Count).ToHashSet();
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var text = new StringBuilder();
        var facts = new List<(string Fact, string Question, int Offset)>();
        var planted = 0;
        for (var page = 0; page < PagesPerDocument; page++)
        {
            var pdfPage = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var factLine = factPages.Contains(page) ? random.Next(LinesPerPage) : -1;
            for (var line = 0; line < LinesPerPage; line++)
            {
                string sentence;
                if (line == factLine)
                {
                    var name = MadeUpName(random);
                    var (fact, question) = Facts[templates[planted++]];
                    sentence = string.Format(CultureInfo.InvariantCulture, fact, name);
                    facts.Add((sentence, string.Format(CultureInfo.InvariantCulture, question, name), text.Length));
                }
                else
                {
                    sentence = $"{Pick(Subjects, random)} {Pick(Verbs, random)} {Pick(Objects, random)} {Pick(Endings, random)}";
                }

                pdfPage.AddText(sentence, 10, new PdfPoint(30, 800 - (line * 19)), font);
                text.Append(sentence).Append(' ');
            }
        }

        return new GeneratedDocument($"report-{index + 1:00}.pdf", builder.Build(), text.ToString(), facts);
    }

    private static string Pick(string[] words, Random random) => words[random.Next(words.Length)];

    /// <summary>A made-up name, so a fact is about someone no filler line mentions.</summary>
    private static string MadeUpName(Random random)
    {
        string[] syllables = ["vel", "mor", "ta", "rin", "os", "ka", "lun", "dre", "sa", "bel", "tor", "ni"];
        var name = string.Concat(Enumerable.Range(0, 3).Select(_ => Pick(syllables, random)));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static ServiceProvider BuildServices(string database)
    {
        var settings = new Dictionary<string, string?> { ["DATABASE_URL"] = database, ["DB_POOL_MAX"] = "4" };
        foreach (var name in new[] { "EMBEDDING_PROVIDER", "EMBEDDING_MODEL_PATH", "EMBEDDING_TOKENIZER_PATH", "EMBEDDING_DIM", "DOCUMENT_CHUNK_TOKENS", "DOCUMENT_CHUNK_OVERLAP_TOKENS" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                settings[name] = value;
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging(l => l.ClearProviders()).AddMonolithModules(new SettingReader(configuration)).BuildServiceProvider();
    }

    private sealed record GeneratedDocument(string Name, byte[] Pdf, string Text, List<(string Fact, string Question, int Offset)> Facts);
}
