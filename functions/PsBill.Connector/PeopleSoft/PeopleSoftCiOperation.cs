namespace PsBill.Connector.PeopleSoft;

/// <summary>The operations a Component Interface exposed as a web service offers (<c>CI_&lt;NAME&gt;_&lt;suffix&gt;.V1</c>).</summary>
public enum PeopleSoftCiOperation
{
    /// <summary><c>_C</c>, body <c>Create__CompIntfc__&lt;CI&gt;</c>.</summary>
    Create,

    /// <summary><c>_G</c>, body <c>Get__CompIntfc__&lt;CI&gt;</c>.</summary>
    Get,

    /// <summary><c>_F</c>, body <c>Find__CompIntfc__&lt;CI&gt;</c>.</summary>
    Find,

    /// <summary><c>_UP</c>, body <c>Update__CompIntfc__&lt;CI&gt;</c>.</summary>
    Update,

    /// <summary><c>_UD</c>, body <c>Updatedata__CompIntfc__&lt;CI&gt;</c>.</summary>
    UpdateData,
}
