using System.Globalization;

namespace Pmg.Pipeline.Notifications;

/// <summary>The closing date as e-mails state it: the date in words and the days left, counted in Chile's calendar.</summary>
public static class Deadline
{
    private static readonly string[] Months =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    /// <summary>"31 de enero de 2010".</summary>
    public static string Long(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} de {Months[date.Month - 1]} de {date.Year}");

    /// <summary>"31-01-2010", as subjects and the portal write dates.</summary>
    public static string Short(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// "El PMG Gestión Territorial 2009 cierra el 31 de enero de 2010 (hora de Chile): quedan 5 días.", and its forms for
    /// tomorrow, today and a date already past.
    /// </summary>
    public static string Sentence(int year, DateOnly closing, DateOnly today)
    {
        var days = Domain.Rules.ClosingDate.DaysLeft(closing, today);
        var head = string.Create(CultureInfo.InvariantCulture, $"El PMG Gestión Territorial {year} ");
        return days switch
        {
            > 1 => string.Create(CultureInfo.InvariantCulture, $"{head}cierra el {Long(closing)} (hora de Chile): quedan {days} días."),
            1 => $"{head}cierra mañana, {Long(closing)} (hora de Chile): queda 1 día.",
            0 => $"{head}cierra hoy, {Long(closing)}, a medianoche (hora de Chile).",
            -1 => $"{head}cerró ayer, {Long(closing)}: lo que siga sin marcar cuenta como en riesgo.",
            _ => string.Create(CultureInfo.InvariantCulture, $"{head}cerró el {Long(closing)}, hace {-days} días: lo que siga sin marcar cuenta como en riesgo."),
        };
    }

    /// <summary>"quedan 5 días", "cierra hoy", "cerrado", for subject lines.</summary>
    public static string SubjectTag(DateOnly closing, DateOnly today)
    {
        var days = Domain.Rules.ClosingDate.DaysLeft(closing, today);
        return days switch
        {
            > 1 => string.Create(CultureInfo.InvariantCulture, $"cierre {Short(closing)}, quedan {days} días"),
            1 => $"cierre {Short(closing)}, queda 1 día",
            0 => $"cierre hoy {Short(closing)}",
            _ => $"cerrado el {Short(closing)}",
        };
    }
}
