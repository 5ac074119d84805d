namespace Verify.Matching.Benchmarks;

/// <summary>Which categories are people with no record.</summary>
internal static class CategoryExtensions
{
    public static bool IsAdversary(this Category category) => category >= Category.Twin;
}
