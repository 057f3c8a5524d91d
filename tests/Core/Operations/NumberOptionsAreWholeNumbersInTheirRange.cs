using Monolith.Operations;

namespace Monolith.Tests.Core.Operations;

public sealed class NumberOptionsAreWholeNumbersInTheirRange
{
    [Theory]
    [InlineData(new string[0], 30)]
    [InlineData(new[] { "--timeout", "1" }, 1)]
    [InlineData(new[] { "--timeout=50" }, 50)]
    public void AGivenOrDefaultWholeNumberInRangeIsRead(string[] args, int expected) =>
        Assert.Equal(expected, OperatorArguments.Parse(args).Number("timeout", 30, 1, 50));

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("1.5")]
    [InlineData("1,5")]
    [InlineData("ten")]
    [InlineData("")]
    public void AnythingElseIsAUsageErrorNamingTheOptionAndRange(string text)
    {
        var error = Assert.Throws<OperatorUsageException>(() => OperatorArguments.Parse(["--timeout", text]).Number("timeout", 30, 1, 50));
        Assert.Equal($"--timeout must be a whole number from 1 to 50, got '{text}'", error.Message);
    }
}
