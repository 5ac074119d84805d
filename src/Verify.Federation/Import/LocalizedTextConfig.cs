namespace Verify.Federation.Import;

/// <summary>A text in English (required) and Welsh (optional): <c>{"en": "…", "cy": "…"}</c>.</summary>
internal sealed class LocalizedTextConfig
{
    public string? En { get; set; }

    public string? Cy { get; set; }
}
