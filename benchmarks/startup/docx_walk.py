#!/usr/bin/python3
"""The floor pmg's start-up is compared with: python-docx opens a form and walks every paragraph and table cell.

    /usr/bin/python3 benchmarks/startup/docx_walk.py samples/forms/tarapaca-2009-etapa3.docx

Prints the number of paragraphs, tables and cells and the characters read (Debian: apt-get install python3-docx).
"""
import sys

import docx


def main(path: str) -> None:
    document = docx.Document(path)
    paragraphs = len(document.paragraphs)
    characters = sum(len(p.text) for p in document.paragraphs)
    cells = 0
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                cells += 1
                characters += len(cell.text)
    print(f"{paragraphs} paragraphs, {len(document.tables)} tables, {cells} cells, {characters} characters")


if __name__ == "__main__":
    main(sys.argv[1])
