using System.Text.Json;
using Microsoft.Extensions.AI;
using Monolith.Configuration;
using Monolith.Search;

namespace Monolith.Tests.Core.Search;

public sealed class OnnxProviderPoolsAndNormalises(TinyOnnxModel model) : IClassFixture<TinyOnnxModel>
{
    // vocab.txt ids: [CLS]=2, [SEP]=3, the=5, cat=6, sat=7, on=8, mat=9.
    [Fact]
    public async Task MeanOverTheMaskedTokensIsL2Normalised()
    {
        using var generator = new OnnxEmbeddingGenerator(model.ModelPath, model.VocabPath, TinyOnnxModel.Hidden);

        var vector = (await generator.GenerateAsync(["The cat"]))[0].Vector.ToArray();

        var expected = Expected([2, 5, 6, 3]);
        Assert.Equal(TinyOnnxModel.Hidden, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), 5);
        for (var j = 0; j < TinyOnnxModel.Hidden; j++)
        {
            Assert.Equal(expected[j], vector[j], 5);
        }
    }

    [Fact]
    public async Task PaddingInABatchDoesNotChangeAVectorAndRunsAreDeterministic()
    {
        using var generator = new OnnxEmbeddingGenerator(model.ModelPath, model.VocabPath, TinyOnnxModel.Hidden);

        var alone = (await generator.GenerateAsync(["the cat"]))[0].Vector.ToArray();
        var padded = await generator.GenerateAsync(["the cat", "the cat sat on the mat", "the cat"]);

        Assert.Equal(alone, padded[0].Vector.ToArray());
        Assert.Equal(alone, padded[2].Vector.ToArray());
        Assert.NotEqual(alone, padded[1].Vector.ToArray());
        Assert.Equal(padded[1].Vector.ToArray(), (await generator.GenerateAsync(["the cat sat on the mat"]))[0].Vector.ToArray());
    }

    [Fact]
    public void AModelOfAnotherWidthStopsStartupNamingEmbeddingDim()
    {
        var error = Assert.Throws<ConfigurationException>(() => new OnnxEmbeddingGenerator(model.ModelPath, model.VocabPath, 384));
        Assert.StartsWith("EMBEDDING_DIM is 384 but the model at EMBEDDING_MODEL_PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNoModelIsAConfigurationError()
    {
        var error = Assert.Throws<ConfigurationException>(() => new OnnxEmbeddingGenerator(model.VocabPath, model.VocabPath, TinyOnnxModel.Hidden));
        Assert.StartsWith("EMBEDDING_MODEL_PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentencePieceIdsFollowXlmrAsTheReferenceLibraryGivesThem()
    {
        var tokenizer = SentenceTokenizer.Load(model.SentencePiecePath);
        var expected = JsonSerializer.Deserialize<Dictionary<string, int[]>>(await File.ReadAllTextAsync(model.XlmrExpectedPath))!;
        foreach (var (text, ids) in expected)
        {
            Assert.Equal(ids, tokenizer.Encode(text));
        }

        Assert.Equal(1, tokenizer.PadId);
    }

    private static float[] Expected(int[] tokens)
    {
        var mean = new float[TinyOnnxModel.Hidden];
        for (var j = 0; j < mean.Length; j++)
        {
            mean[j] = tokens.Average(t => TinyOnnxModel.Table(t, j) + TinyOnnxModel.Bias(j));
        }

        var norm = MathF.Sqrt(mean.Sum(v => v * v));
        return [.. mean.Select(v => v / norm)];
    }
}
