"""Drafting the next report: pure Python + python-docx + openpyxl, no Django.

The store (or `baocao draft UNIT PERIOD` once it is wired) calls:
- `build.build_draft(unit, period, figures, tasks, …)` → `model.DraftDocument`;
- `docx_writer.render(draft)` → DOCX bytes in the Decree 30/2020/NĐ-CP format (or `write_docx`);
- `xlsx_writer.render_xlsx(tables)` → the annex (indicator × unit × period, formulas for totals);
- `pdf.docx_to_pdf(path)` → PDF through LibreOffice, `PdfUnavailable` with a Vietnamese message.
Sentence forms and the Vietnamese number format live in `sentences.py` and `numbers.py`.
"""
