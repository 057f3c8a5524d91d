using Microsoft.ML.Tokenizers;

namespace Monolith.Search;

/// <summary>
/// Turns text into a model's input ids with its special tokens: a BERT WordPiece vocab.txt ([CLS] … [SEP]) or an
/// XLM-R sentencepiece model (&lt;s&gt; … &lt;/s&gt; with fairseq's id offset, as multilingual-e5 expects).
/// </summary>
public sealed class SentenceTokenizer
{
    /// <summary>BERT-family models have 512 positions.</summary>
    public const int MaxTokens = 512;

    // fairseq's XLM-R dictionary puts <s>, <pad>, </s>, <unk> first, so every sentencepiece id moves up by one.
    private const int XlmrBos = 0;
    private const int XlmrPad = 1;
    private const int XlmrEos = 2;
    private const int XlmrUnk = 3;
    private const int XlmrOffset = 1;

    private readonly Func<string, IReadOnlyList<int>> encode;

    private SentenceTokenizer(Func<string, IReadOnlyList<int>> encode, int padId)
    {
        this.encode = encode;
        PadId = padId;
    }

    public int PadId { get; }

    /// <summary>vocab.txt is read as WordPiece; anything else as a sentencepiece model. Ids are cut to <paramref name="maxTokens"/>.</summary>
    public static SentenceTokenizer Load(string path, int maxTokens = MaxTokens) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? WordPiece(path, maxTokens) : SentencePiece(path, maxTokens);

    /// <summary>The ids of one text, special tokens included, cut to the tokenizer's limit.</summary>
    public IReadOnlyList<int> Encode(string text) => encode(text);

    private static SentenceTokenizer WordPiece(string path, int maxTokens)
    {
        // An uncased vocabulary has no upper-case tokens; a cased one must not be lower-cased before lookup. Uncased
        // BERT also strips accents (й → и, ї → і), as its reference tokenizer does: its vocabulary holds no accented forms.
        var cased = File.ReadLines(path).Any(token => !token.StartsWith('[') && token.Any(char.IsUpper));
        var tokenizer = BertTokenizer.Create(path, new BertOptions { LowerCaseBeforeTokenization = !cased, RemoveNonSpacingMarks = !cased });
        return new SentenceTokenizer(
            text => tokenizer.EncodeToIds(text, maxTokens, addSpecialTokens: true, out _, out _),
            tokenizer.PaddingTokenId);
    }

    private static SentenceTokenizer SentencePiece(string path, int maxTokens)
    {
        using var stream = File.OpenRead(path);
        var tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        return new SentenceTokenizer(
            text =>
            {
                var pieces = tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false, maxTokens - 2, out _, out _);
                var ids = new List<int>(pieces.Count + 2) { XlmrBos };
                ids.AddRange(pieces.Select(id => id == tokenizer.UnknownId ? XlmrUnk : id + XlmrOffset));
                ids.Add(XlmrEos);
                return ids;
            },
            XlmrPad);
    }
}
