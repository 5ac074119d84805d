namespace Verify.Hub.Journey.Model;

/// <summary>Argument checks shared by the journey's inputs: what the hub hands over must be bounded and present.</summary>
internal static class Guard
{
    /// <summary>Longest identifier kept in a journey (entity IDs, request IDs, client IDs).</summary>
    public const int MaxIdentifierLength = 1024;

    /// <summary>Longest opaque value kept in a journey (a matching dataset, the IDP's statements).</summary>
    public const int MaxOpaqueLength = 256 * 1024;

    public static string Identifier(string? value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value.Length > MaxIdentifierLength)
        {
            throw new ArgumentException($"Longer than {MaxIdentifierLength} characters.", paramName);
        }

        return value;
    }

    public static string? Optional(string? value, string paramName, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            throw new ArgumentException($"Longer than {maxLength} characters.", paramName);
        }

        return value;
    }

    public static T Defined<T>(T value, string paramName)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Not a defined value.");
        }

        return value;
    }
}
