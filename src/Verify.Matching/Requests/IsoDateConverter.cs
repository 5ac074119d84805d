using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verify.Matching.Requests;

/// <summary>
/// Reads a date as <c>YYYY-MM-DD</c> or as an ISO 8601 date-time (Verify's matching service adapter sent
/// <c>from</c>/<c>to</c> as <c>2015-01-01T00:00:00.000Z</c>), keeping the calendar date as written;
/// writes <c>YYYY-MM-DD</c>.
/// </summary>
internal sealed class IsoDateConverter : JsonConverter<DateOnly>
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <inheritdoc />
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A date must be a string (YYYY-MM-DD).");
        }

        var text = reader.GetString() ?? "";
        if (text.Length == DateFormat.Length
            && DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (text.Length is > 10 and <= 40 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            && DateOnly.TryParseExact(text[..10], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        throw new JsonException("A date must be YYYY-MM-DD or an ISO 8601 date-time.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(DateFormat, CultureInfo.InvariantCulture));
    }
}
