using System.Text.Json;
using FluentValidation;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>Validates the checkpoint list filters; the metadata filter must be a JSON object.</summary>
public sealed class ListCheckpointsValidator : AbstractValidator<ListCheckpointsQuery>
{
    public ListCheckpointsValidator()
    {
        RuleFor(q => q.ThreadId).CheckpointKey();
        RuleFor(q => q.Ns).CheckpointKey();
        RuleFor(q => q.CheckpointId).CheckpointKey();
        RuleFor(q => q.Before).CheckpointKey();
        RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
        RuleFor(q => q.Metadata)
            .Must(text => text is null || IsJsonObject(text))
            .WithMessage("'metadata' must be a JSON object, such as {\"source\":\"loop\"}.");
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
