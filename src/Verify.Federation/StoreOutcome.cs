namespace Verify.Federation;

/// <summary>What writing one registration did. Explicit numbers: reported by the CLI and importer.</summary>
public enum StoreOutcome
{
    /// <summary>A party with that entity ID was not registered; now it is.</summary>
    Added = 1,

    /// <summary>The party's registration changed.</summary>
    Updated = 2,

    /// <summary>The same metadata and settings were already registered; nothing was written.</summary>
    Unchanged = 3,
}
