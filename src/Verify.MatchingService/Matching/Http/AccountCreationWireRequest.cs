using System.Text.Json.Serialization;

namespace Verify.MatchingService.Matching.Http;

/// <summary>Verify's account creation request to a local matching service: <c>{hashedPid, levelOfAssurance}</c>.</summary>
internal sealed record AccountCreationWireRequest(
    [property: JsonPropertyName("hashedPid")] string HashedPid,
    [property: JsonPropertyName("levelOfAssurance")] string LevelOfAssurance);
