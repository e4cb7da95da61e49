using Microsoft.Extensions.Logging;

namespace Pmg.Forms;

/// <summary>Source-generated log messages of the form readers.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "FormRefused", Level = LogLevel.Information, Message = "Form {FileName} refused with {Code}")]
    public static partial void FormRefused(ILogger logger, string fileName, string code);

    [LoggerMessage(EventId = 1002, EventName = "FormRead", Level = LogLevel.Information, Message = "Form {FileName} read as {Format}: {Programs} programmes, {Activities} activities, {Diagnostics} diagnostics")]
    public static partial void FormRead(ILogger logger, string fileName, string format, int programs, int activities, int diagnostics);

    [LoggerMessage(EventId = 1003, EventName = "FormCorrupt", Level = LogLevel.Warning, Message = "Form {FileName} passed inspection but one of its parts is not valid XML")]
    public static partial void FormCorrupt(ILogger logger, string fileName, Exception exception);

    [LoggerMessage(EventId = 1004, EventName = "FormReaderFailed", Level = LogLevel.Error, Message = "Form {FileName} refused as unreadable: the reader failed with an unexpected {ExceptionType}")]
    public static partial void FormReaderFailed(ILogger logger, string fileName, string exceptionType, Exception exception);
}
