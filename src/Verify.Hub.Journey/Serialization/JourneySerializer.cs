using System.Text.Json;

namespace Verify.Hub.Journey.Serialization;

/// <summary>
/// Writes and reads the stored form of a journey (<see cref="JourneyDocument"/>), for every store. A document
/// that does not read back exactly (an unknown schema or state, a missing field, <c>LEVEL_X</c> as a level) is
/// refused with <see cref="JourneyStoreException"/>, never half-read.
/// </summary>
internal static class JourneySerializer
{
    public static byte[] Serialize(JourneyRecord journey)
    {
        var body = JsonSerializer.SerializeToElement(journey, JourneyJsonContext.Default.JourneyRecord);
        var document = new JourneyDocument { Schema = JourneyDocument.CurrentSchema, Journey = body };
        return JsonSerializer.SerializeToUtf8Bytes(document, JourneyJsonContext.Default.JourneyDocument);
    }

    public static JourneyRecord Deserialize(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var document = JsonSerializer.Deserialize(utf8, JourneyJsonContext.Default.JourneyDocument)
                ?? throw new JourneyStoreException("A stored journey is empty.");
            if (document.Schema != JourneyDocument.CurrentSchema)
            {
                throw new JourneyStoreException($"A stored journey has schema {document.Schema}; this node reads {JourneyDocument.CurrentSchema}.");
            }

            return document.Journey.Deserialize(JourneyJsonContext.Default.JourneyRecord)
                ?? throw new JourneyStoreException("A stored journey is empty.");
        }
        catch (JsonException e)
        {
            throw new JourneyStoreException("A stored journey could not be read.", e);
        }
    }
}
