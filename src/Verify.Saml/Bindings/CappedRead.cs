using Verify.Saml.Errors;

namespace Verify.Saml.Bindings;

/// <summary>Reads a stream to its end, but never more than a cap: an oversized body is refused after cap + 1 bytes.</summary>
internal static class CappedRead
{
    private const int ChunkSize = 16 * 1024;

    public static byte[] ReadAll(Stream stream, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var output = new MemoryStream();
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = stream.Read(buffer, 0, Next(output, maxBytes))) > 0)
        {
            output.Write(buffer, 0, read);
            Check(output, maxBytes);
        }

        return output.ToArray();
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var output = new MemoryStream();
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(0, Next(output, maxBytes)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            output.Write(buffer, 0, read);
            Check(output, maxBytes);
        }

        return output.ToArray();
    }

    private static int Next(MemoryStream output, int maxBytes) => (int)Math.Min(ChunkSize, maxBytes + 1L - output.Length);

    private static void Check(MemoryStream output, int maxBytes)
    {
        if (output.Length > maxBytes)
        {
            throw new SamlException(SamlErrorCode.BindingMessageTooLarge);
        }
    }
}
