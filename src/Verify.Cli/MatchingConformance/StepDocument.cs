using System.Text.Json;
using System.Text.Json.Serialization;

using Verify.Matching.Requests;

namespace Verify.Cli.MatchingConformance;

/// <summary>One step of a scenario file as written.</summary>
internal sealed record StepDocument
{
    public string? Request { get; init; }

    public string? LevelOfAssurance { get; init; }

    public MatchingDataset? MatchingDataset { get; init; }

    public Cycle3Dataset? Cycle3Dataset { get; init; }

    public string? Expect { get; init; }

    public string? Record { get; init; }

    public string? Why { get; init; }

    /// <summary>Fields the format does not have, reported by name (<c>matchId</c> and <c>hashedPid</c> are the tool's).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
