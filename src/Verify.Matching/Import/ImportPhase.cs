namespace Verify.Matching.Import;

/// <summary>The importer's two passes over a file.</summary>
public enum ImportPhase
{
    /// <summary>Reading and checking every line; nothing is written.</summary>
    Validating = 0,

    /// <summary>Writing the records in one transaction.</summary>
    Writing = 1,
}
