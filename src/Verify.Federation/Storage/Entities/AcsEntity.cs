namespace Verify.Federation.Storage.Entities;

/// <summary>One HTTP-POST assertion consumer service of a relying party (owned by <see cref="RelyingPartyEntity"/>).</summary>
internal sealed class AcsEntity
{
    public required string Url { get; set; }

    public int Index { get; set; }

    public bool IsDefault { get; set; }
}
