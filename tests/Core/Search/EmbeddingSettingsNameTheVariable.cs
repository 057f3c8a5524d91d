using Microsoft.Extensions.Configuration;
using Monolith.Configuration;
using Monolith.Search;

namespace Monolith.Tests.Core.Search;

public sealed class EmbeddingSettingsNameTheVariable
{
    public static TheoryData<string, string> Cases => new()
    {
        { "EMBEDDING_PROVIDER=word2vec", "EMBEDDING_PROVIDER must be one of hashing, onnx, openai" },
        { "EMBEDDING_PROVIDER=onnx;EMBEDDING_TOKENIZER_PATH=/etc/hostname", "EMBEDDING_TOKENIZER_PATH is set without EMBEDDING_MODEL_PATH" },
        { "EMBEDDING_PROVIDER=onnx;EMBEDDING_MODEL_PATH=/nonexistent/model.onnx", "EMBEDDING_MODEL_PATH names no readable file" },
        { "EMBEDDING_PROVIDER=onnx;EMBEDDING_MODEL_PATH=/etc/hostname", "EMBEDDING_TOKENIZER_PATH is required" },
        { "EMBEDDING_PROVIDER=openai;EMBEDDING_MODEL=m", "OPENAI_BASE_URL is required" },
        { "EMBEDDING_PROVIDER=openai;OPENAI_BASE_URL=ftp://x/v1;EMBEDDING_MODEL=m", "OPENAI_BASE_URL must be an absolute http(s) URL" },
        { "EMBEDDING_PROVIDER=openai;OPENAI_BASE_URL=http://127.0.0.1:1/v1", "EMBEDDING_MODEL is required" },
        { "EMBEDDING_DIM=2001", "EMBEDDING_DIM must be a whole number from 1 to 2000" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MisconfigurationIsOneLineNamingTheVariable(string settings, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => EmbeddingSettings.Read(Reader(settings)));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void TheDefaultIsTheBundledModel()
    {
        var read = EmbeddingSettings.Read(Reader("EMBEDDING_DIM=384"));

        Assert.Equal(EmbeddingProvider.Onnx, read.Provider);
        Assert.True(read.DefaultModel);
        Assert.Equal(384, read.Dimension);
        Assert.True(File.Exists(read.ModelPath), read.ModelPath);
        Assert.True(File.Exists(read.TokenizerPath), read.TokenizerPath);
    }

    [Theory]
    [InlineData("EMBEDDING_PROVIDER=openai;OPENAI_BASE_URL=http://h/v1;EMBEDDING_MODEL=intfloat/multilingual-e5-small", "query: ", "passage: ")]
    [InlineData("EMBEDDING_PROVIDER=openai;OPENAI_BASE_URL=http://h/v1;EMBEDDING_MODEL=text-embedding-3-small", "", "")]
    [InlineData("EMBEDDING_PROVIDER=openai;OPENAI_BASE_URL=http://h/v1;EMBEDDING_MODEL=e5-large;EMBEDDING_QUERY_PREFIX=none", "", "passage: ")]
    [InlineData("EMBEDDING_QUERY_PREFIX=search_query:;EMBEDDING_PASSAGE_PREFIX=search_document:", "search_query: ", "search_document: ")]
    public void PrefixesAreAutomaticForE5AndOtherwiseAsSet(string settings, string query, string passage)
    {
        var read = EmbeddingSettings.Read(Reader(settings));
        Assert.Equal(query, read.QueryPrefix);
        Assert.Equal(passage, read.PassagePrefix);
    }

    private static SettingReader Reader(string settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(
            settings.Split(';').Select(pair => pair.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], (string?)p[1]))).Build());
}
