using System.Text.Json.Serialization;

namespace Verify.Cli.MatchingConformance;

/// <summary>
/// Verify's account creation request, <c>{hashedPid, levelOfAssurance}</c> (VERIFY-REFERENCE.md), exactly what the
/// matching service's <c>HttpLocalMatchingService</c> sends: the attributes the relying party asked for travel from the
/// IDP's assertion to the hub, never to the local matching service.
/// </summary>
internal sealed record AccountCreationBody(
    [property: JsonPropertyName("hashedPid")] string HashedPid,
    [property: JsonPropertyName("levelOfAssurance")] string LevelOfAssurance);
