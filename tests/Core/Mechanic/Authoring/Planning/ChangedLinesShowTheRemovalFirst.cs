using Monolith.Mechanic;

namespace Monolith.Tests.Core.Mechanic;

public sealed class ChangedLinesShowTheRemovalFirst
{
    [Fact]
    public void AChangedLineIsTheOldLineThenTheNewOne()
    {
        var diff = UnifiedDiff.Create("src/Dynamic/Schema/Pet.cs", "class Pet\n{\n    int Age;\n}\n", "class Pet\n{\n    long Age;\n}\n");

        var lines = diff.Split('\n');
        var removed = Array.IndexOf(lines, "-    int Age;");
        var added = Array.IndexOf(lines, "+    long Age;");
        Assert.True(removed > 0 && added > 0, diff);
        Assert.Equal(removed + 1, added);
    }
}
