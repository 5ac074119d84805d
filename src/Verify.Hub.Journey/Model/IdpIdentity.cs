using System.Text.Json.Serialization;

using Verify.Hub.Journey.Assurance;

namespace Verify.Hub.Journey.Model;

/// <summary>
/// What a successful IDP answer established, kept opaque and serialisable for the later steps: the IDP's
/// persistent identifier for the citizen (the input of the RP's pairwise identifier, never sent to the RP as is),
/// the level of assurance reached, and the matching dataset and IDP statements as the protocol layer encoded them.
/// </summary>
/// <remarks>
/// This is personal data: <see cref="ToString"/> shows only the level, so a logged journey leaks nothing
/// (STYLE.md: never log a NameID, a name, a date of birth or an address). The level is a
/// <see cref="LevelOfAssurance"/>, so a <c>levelX</c> answer cannot be a success.
/// </remarks>
public sealed record IdpIdentity
{
    /// <summary>Creates the identity record.</summary>
    /// <param name="persistentId">The IDP's persistent identifier for the citizen.</param>
    /// <param name="level">The level of assurance the IDP asserted.</param>
    /// <param name="matchingDataset">The matching dataset as the protocol layer encoded it, or null.</param>
    /// <param name="evidence">The IDP's statements (e.g. signed assertions) to forward to a matching service, or null.</param>
    [JsonConstructor]
    public IdpIdentity(string persistentId, LevelOfAssurance level, string? matchingDataset = null, string? evidence = null)
    {
        PersistentId = Guard.Identifier(persistentId, nameof(persistentId));
        Level = level ?? throw new ArgumentNullException(nameof(level));
        MatchingDataset = Guard.Optional(matchingDataset, nameof(matchingDataset), Guard.MaxOpaqueLength);
        Evidence = Guard.Optional(evidence, nameof(evidence), Guard.MaxOpaqueLength);
    }

    /// <summary>The IDP's persistent identifier for the citizen (pairwise-identifier input).</summary>
    public string PersistentId { get; }

    /// <summary>The level of assurance reached.</summary>
    public LevelOfAssurance Level { get; }

    /// <summary>The matching dataset, opaque to the journey; null when there is none.</summary>
    public string? MatchingDataset { get; }

    /// <summary>The IDP's statements for forwarding, opaque to the journey; null when not kept.</summary>
    public string? Evidence { get; }

    /// <summary>Shows the level only: the rest is personal data.</summary>
    public override string ToString() => $"IdpIdentity {{ Level = {Level} }}";
}
