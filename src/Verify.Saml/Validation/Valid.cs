namespace Verify.Saml.Validation;

/// <summary>
/// A value that a validator of this library has checked. Only validators can create one, so code that
/// takes a <see cref="Valid{T}"/> cannot be handed an unchecked message (Sustainsys's <c>Valid&lt;T&gt;</c>).
/// </summary>
/// <typeparam name="T">The checked value's type.</typeparam>
public sealed class Valid<T>
    where T : class
{
    internal Valid(T value)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The checked value.</summary>
    public T Value { get; }
}
