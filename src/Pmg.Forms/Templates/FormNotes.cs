using Pmg.Domain.Model;
using Pmg.Forms.Vocabulary;

namespace Pmg.Forms.Templates;

/// <summary>
/// The notes printed under each section: the seed's "Notas Actividad III.1: ver instructivo." followed by what each
/// "(n)" note asks, in the words of docs/rules.md, so the office reads the rule where it fills the cell.
/// </summary>
internal static class FormNotes
{
    public static IReadOnlyList<string> For(Section section)
    {
        var notes = new List<string> { FormVocabulary.NotesHeading(section), "(1) Región: la de la Dirección Regional o SEREMI que informa; viene indicada y no se cambia." };
        if (section == Section.III4)
        {
            notes.Add("(2) Avance efectivo: qué se ha hecho a la fecha; una fila por cada objetivo de III.1 a III.3, con el mismo texto del objetivo.");
            notes.Add("(3) Medidas de la autoridad: lo que la autoridad regional ha hecho para apoyar el avance.");
            notes.Add("(4) Recomendaciones y compromisos: qué se hará para superar las dificultades.");
            notes.Add("(5) Responsable: quién responde por el objetivo.");
            return notes;
        }

        var first = FormVocabulary.FirstObjectivesNote(section);
        if (section == Section.III2)
        {
            notes.Add("(2) a (6) Instancia: su nombre, el principal problema que aborda este año, los territorios en que opera, las instituciones participantes y sus productos o subproductos (uno por línea).");
        }

        string N(int offset) => "(" + (first + offset).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        notes.Add($"{N(0)} Objetivos específicos: un objetivo por fila; sus actividades van en las filas siguientes (la celda del objetivo se combina hacia abajo) o como párrafos de una misma celda.");
        notes.Add($"{N(1)} Indicador: uno por línea. {N(2)} Resultado anual del indicador: la meta del año.");
        notes.Add($"{N(3)} Meta anual o actividades comprometidas: una por fila; cada objetivo debe tener al menos dos actividades.");
        notes.Add($"{N(4)} Unidad responsable: la unidad a la que se avisa de las actividades en riesgo. {N(5)} Medio de verificación: el documento que respalda el cumplimiento.");
        notes.Add($"{N(6)} Ponderación (%): el peso de la actividad en el programa; las ponderaciones del programa deben sumar 100 % (se acepta ±0,5).");
        notes.Add($"{N(7)} Cumple/no cumple: elija «Cumple» o «No cumple»; déjelo sin elegir mientras no se evalúe. Una actividad cumplida en parte no cumple.");
        notes.Add($"{N(8)} Ponderación ganada: la ponderación de cada actividad que cumple, 0 si no cumple (en Excel se calcula sola).");
        if (section == Section.III3)
        {
            notes.Add("(11) a (13) Categorías: escriba los objetivos de cada categoría en las filas que siguen a su nombre.");
        }

        notes.Add("El desempeño anual de la región es la ponderación ganada dividida por la ponderación total; el programa cumple con 90 % o más.");
        return notes;
    }
}
