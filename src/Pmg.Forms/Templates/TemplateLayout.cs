namespace Pmg.Forms.Templates;

/// <summary>How a form's objectives tables lay out their activities. Both read to the same form.</summary>
public enum TemplateLayout
{
    /// <summary>
    /// One row per activity, the objective's cells (objective, indicator, annual result) merged down over its
    /// activities: every activity has its own compliance dropdown. The official template's layout.
    /// </summary>
    RowPerActivity,

    /// <summary>
    /// One row per objective, its activities as paragraphs (Word) or lines (Excel) of one cell, with their units,
    /// means, weights and marks in the same order in the neighbouring cells, as many offices write it.
    /// </summary>
    ActivitiesInOneCell,
}
