namespace Verify.EndToEnd.Tests.Support;

/// <summary>The citizen's answer on the hub's start page.</summary>
public enum Intent
{
    /// <summary>"Yes, I want to sign in".</summary>
    SignIn,

    /// <summary>"No, I need to prove my identity for the first time".</summary>
    Register,
}
