using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Verify.Audit.Chain;

/// <summary>
/// The canonical JSON of an audit event: the bytes the chain hashes. One object, no insignificant whitespace, UTF-8;
/// members sorted by name (ordinal, as RFC 8785 orders them) so the form does not depend on declaration or reflection
/// order; every property present (absent values as <c>null</c>); <c>"event"</c> holds the type's name and <c>"v"</c>
/// the format version. Values are hex hashes, ASCII codes and entity IDs, enum names, integers, a lower-case GUID and
/// a UTC instant with six fractional digits.
/// </summary>
/// <remarks>
/// The stored text is what is hashed and verified; it is never re-serialised, so the form only has to be stable when
/// it is written. Every property type is handled explicitly and anything else is refused, so a property that could
/// hold free text (a <see cref="string"/>) cannot reach the trail unnoticed.
/// </remarks>
public static class AuditJson
{
    /// <summary>The format version written in <c>"v"</c>.</summary>
    public const int FormatVersion = 1;

    /// <summary>The longest canonical form accepted; an event is a few hundred bytes.</summary>
    public const int MaxLength = 16 * 1024;

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Properties = new();

    /// <summary>The canonical JSON of <paramref name="auditEvent"/>.</summary>
    /// <exception cref="InvalidOperationException">A property has a type the audit trail does not allow, or the form is too long.</exception>
    public static string Canonical(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var members = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["event"] = auditEvent.EventType,
            ["v"] = FormatVersion,
        };
        foreach (var (property, name) in Properties.GetOrAdd(auditEvent.GetType(), ReadableProperties))
        {
            var value = property.GetValue(auditEvent);
            if (value is AuditStamp stamp)
            {
                members.Add("eventId", stamp.EventId.ToString("D"));
                members.Add("occurredAt", FormatInstant(stamp.OccurredAt));
            }
            else
            {
                members.Add(name, Scalar(auditEvent.EventType, property, value));
            }
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in members)
            {
                writer.WritePropertyName(name);
                switch (value)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case long number:
                        writer.WriteNumberValue(number);
                        break;
                    case int number:
                        writer.WriteNumberValue(number);
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    default:
                        throw new InvalidOperationException($"Unexpected canonical value for '{name}'.");
                }
            }

            writer.WriteEndObject();
        }

        return buffer.Length <= MaxLength
            ? Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)
            : throw new InvalidOperationException($"The {auditEvent.EventType} event's JSON is over {MaxLength} bytes.");
    }

    /// <summary>The instant as the canonical form writes it: UTC, six fractional digits, <c>Z</c>.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The name the canonical form writes for <paramref name="level"/>: <c>LEVEL_1</c> … <c>LEVEL_4</c>.</summary>
    public static string LevelName(AssuranceLevel level) => level switch
    {
        AssuranceLevel.Level1 => "LEVEL_1",
        AssuranceLevel.Level2 => "LEVEL_2",
        AssuranceLevel.Level3 => "LEVEL_3",
        AssuranceLevel.Level4 => "LEVEL_4",
        _ => throw new InvalidOperationException("Not a level of assurance."),
    };

    /// <summary>An event type's properties with their camel-case names, worked out once per type.</summary>
    private static (PropertyInfo Property, string Name)[] ReadableProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != nameof(AuditEvent.EventType))
            .Select(p => (p, JsonNamingPolicy.CamelCase.ConvertName(p.Name)))];

    private static object? Scalar(string eventType, PropertyInfo property, object? value) => value switch
    {
        null => null,
        KeyedHash hash => hash.Value,
        AuditEntityId entityId => entityId.Value,
        AuditCode code => code.Value,
        AssuranceLevel level => LevelName(level),
        Enum member when Enum.IsDefined(member.GetType(), member) => member.ToString(),
        long or int or bool => value,
        _ => throw new InvalidOperationException(
            $"{eventType}.{property.Name} is a {property.PropertyType.Name}, which the audit trail does not allow: use KeyedHash, AuditEntityId, AuditCode, an enum or a number."),
    };
}
