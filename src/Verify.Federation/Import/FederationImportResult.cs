namespace Verify.Federation.Import;

/// <summary>
/// What an import did: either every party was written (<see cref="Changes"/>) or, when any entry had a problem,
/// nothing was, and <see cref="Errors"/> lists every problem found, each naming the file and entry.
/// </summary>
public sealed record FederationImportResult
{
    /// <summary>Whether the import was written (or, for a check, would be).</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Every problem, e.g. <c>federation.json relyingParties[1] (metadata/rp.xml): …</c>; empty on success.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>What happened to each party, in file order (RPs, then IDPs); empty on failure or for a check.</summary>
    public IReadOnlyList<StoreChange> Changes { get; init; } = [];

    /// <summary>How many parties the file lists.</summary>
    public int PartyCount { get; init; }
}
