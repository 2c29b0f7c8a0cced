namespace PsBill.Functions.Functions.Declarations;

/// <summary>Who may call an HTTP function (function.json <c>authLevel</c>).</summary>
public enum FunctionAuthLevel
{
    /// <summary>Anyone; the function checks the caller itself (the BILL webhook verifies its signature).</summary>
    Anonymous,

    /// <summary>A function key (<c>x-functions-key</c> header or <c>code</c> query). The standalone host asks for the admin key instead.</summary>
    Function,
}
