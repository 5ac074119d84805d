namespace Verify.Federation.Storage.Entities;

/// <summary>
/// The single row (<see cref="SingletonId"/>) whose counter every change to the federation bumps in the same
/// transaction, so each hub node can tell with one indexed read whether its cached snapshot is stale.
/// </summary>
internal sealed class FederationRevisionEntity
{
    /// <summary>The key of the only row, created by the first migration.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Revision { get; set; }
}
