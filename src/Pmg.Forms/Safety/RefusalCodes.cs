namespace Pmg.Forms.Safety;

/// <summary>Stable codes for files refused before they are opened as Word or Excel documents.</summary>
public static class RefusalCodes
{
    /// <summary>The file has no bytes.</summary>
    public const string FileEmpty = "FILE_EMPTY";

    /// <summary>The file is larger than <see cref="PackageLimits.MaxFileBytes"/>.</summary>
    public const string FileTooLarge = "FILE_TOO_LARGE";

    /// <summary>The package ends early: its zip directory or an entry's data is missing.</summary>
    public const string FileTruncated = "FILE_TRUNCATED";

    /// <summary>The package is damaged: bad zip headers, a checksum failure, malformed XML.</summary>
    public const string FileCorrupt = "FILE_CORRUPT";

    /// <summary>The bytes are not an Office Open XML package (a PDF, HTML, an image, text, a plain zip…).</summary>
    public const string NotOoxml = "NOT_OOXML";

    /// <summary>A compound-file container: a Word/Excel 97-2003 file or a password-protected .docx/.xlsx.</summary>
    public const string LegacyOrEncrypted = "LEGACY_OR_ENCRYPTED";

    /// <summary>The package carries VBA macros (.docm/.xlsm or a vbaProject.bin part).</summary>
    public const string MacroEnabled = "MACRO_ENABLED";

    /// <summary>An XML part declares a DTD or entities.</summary>
    public const string DtdForbidden = "DTD_FORBIDDEN";

    /// <summary>The package inflates out of proportion (declared or actual sizes, ratio, entry count, nesting).</summary>
    public const string ZipBomb = "ZIP_BOMB";

    /// <summary>A worksheet has more rows or cells than <see cref="PackageLimits"/> allows.</summary>
    public const string SheetTooLarge = "SHEET_TOO_LARGE";

    /// <summary>A valid Office package that is neither a Word document nor an Excel workbook (e.g. PowerPoint, a binary .xlsb workbook).</summary>
    public const string NotAFormFormat = "NOT_A_FORM_FORMAT";

    /// <summary>
    /// Reading the document would materialise more text or cells than a form ever holds (<see cref="PackageLimits.MaxTextCharacters"/>,
    /// <see cref="PackageLimits.MaxLayoutCells"/>, merged ranges): refused before it exhausts memory.
    /// </summary>
    public const string ContentTooLarge = "CONTENT_TOO_LARGE";

    /// <summary>The reader failed in a way it did not foresee (a bug, logged with the exception type): refused, never a crash.</summary>
    public const string FormUnreadable = "FORM_UNREADABLE";
}
