using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verify.Cli.MatchingConformance;

/// <summary>A scenario file as written (README.md in this folder); <see cref="ScenarioReader"/> checks it.</summary>
internal sealed record ScenarioDocument
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<StepDocument>? Steps { get; init; }

    /// <summary>Fields the format does not have, reported by name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
