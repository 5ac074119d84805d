using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verify.Matching.Requests;

/// <summary>
/// The JSON settings of the matching formats: camelCase names (Verify's local-matching JSON),
/// <c>YYYY-MM-DD</c> dates, enums as their wire names, a small maximum depth.
/// </summary>
public static class MatchingJson
{
    /// <summary>For match requests and responses. Unknown members are ignored, as peers may send more than we read.</summary>
    public static JsonSerializerOptions Requests { get; } = Create(JsonUnmappedMemberHandling.Skip);

    /// <summary>For the record import format: an unknown member is an error, so a misspelt field is not silently lost.</summary>
    public static JsonSerializerOptions Records { get; } = Create(JsonUnmappedMemberHandling.Disallow);

    private static JsonSerializerOptions Create(JsonUnmappedMemberHandling unmapped)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            MaxDepth = 16,
            UnmappedMemberHandling = unmapped,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new IsoDateConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
