namespace Verify.Matching.Import;

/// <summary>One problem in an import file: the 1-based line it is on and what is wrong (field names, never values).</summary>
/// <param name="LineNumber">The line, counting from 1; 0 for a problem with the whole file.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportError(long LineNumber, string Message)
{
    /// <inheritdoc />
    public override string ToString() => LineNumber > 0 ? $"line {LineNumber}: {Message}" : Message;
}
