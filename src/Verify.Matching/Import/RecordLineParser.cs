using System.Text.Json;

using Verify.Matching.Records;
using Verify.Matching.Requests;

namespace Verify.Matching.Import;

/// <summary>Reads one line of the import format into a <see cref="DepartmentRecord"/>, or reports why it cannot.</summary>
internal static class RecordLineParser
{
    /// <summary>The record on the line, or null after adding the problem to <paramref name="errors"/> (when given).</summary>
    public static DepartmentRecord? Parse(long lineNumber, string line, ImportErrorList? errors)
    {
        if (CappedLineReader.IsTooLong(line))
        {
            errors?.Add(lineNumber, $"longer than {RecordImporter.MaxLineLength} characters");
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DepartmentRecord>(line, MatchingJson.Records)
                ?? throw new JsonException("a record object is required, not null");
        }
        catch (JsonException exception)
        {
            // System.Text.Json names the path and the problem, never the value.
            var message = exception.Message.Split(" | LineNumber", 2)[0];
            errors?.Add(lineNumber, "not a valid record: " + message);
            return null;
        }
    }
}
