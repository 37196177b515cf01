#!/usr/bin/python3
"""
Opens workbooks in one headless LibreOffice Calc, recalculates every formula and prints every
non-empty cell as JSON: {file: {sheet: {"A1": {"v": value, "e": error code, "f": formula}}}}.

LibreOffice is the independent judge of the portable copies: it has no MKT add-in, so a
cell it computes right was computed by native functions only.

Usage: /usr/bin/python3 test/libreoffice/recalc.py FILE.xlsx [FILE.xlsx ...]
Debian packages: libreoffice-calc-nogui, python3-uno.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

# LibreOffice's error numbers, as Excel writes them (sc/inc/errorcodes.hxx).
ERRORS = {
    532: "#DIV/0!",
    519: "#VALUE!",
    503: "#NUM!",
    502: "#NUM!",  # "invalid argument": Excel's #NUM! (SQRT(-1), LN(0))
    504: "#VALUE!",  # "error in parameter list"
    32767: "#N/A",
    525: "#NAME?",
    524: "#REF!",
    526: "#NULL!",
    523: "#NUM!",  # "no convergence"
}


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.time() > deadline:
                raise
            time.sleep(0.3)


def column_letters(index):
    letters = ""
    n = index + 1
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_sheet(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last_row = cursor.RangeAddress.EndRow
    last_col = cursor.RangeAddress.EndColumn
    cells = {}
    if last_row < 0:
        return cells
    block = sheet.getCellRangeByPosition(0, 0, last_col, last_row)
    formulas = block.getFormulaArray()
    for r in range(last_row + 1):
        for c in range(last_col + 1):
            formula = formulas[r][c]
            if formula == "":
                continue
            cell = sheet.getCellByPosition(c, r)
            entry = {}
            if cell.getType().value == "FORMULA":
                entry["f"] = formula
            error = cell.getError()
            if error:
                entry["e"] = ERRORS.get(error, f"Err:{error}")
            else:
                kind = cell.getType().value  # EMPTY, VALUE, TEXT, FORMULA
                if kind == "FORMULA":
                    # com.sun.star.sheet.FormulaResult: VALUE = 1, STRING = 2, ERROR = 4
                    entry["v"] = cell.getString() if cell.FormulaResultType2 == 2 else cell.getValue()
                elif kind == "VALUE":
                    entry["v"] = cell.getValue()
                else:
                    entry["v"] = cell.getString()
            cells[f"{column_letters(c)}{r + 1}"] = entry
    return cells


def main(paths):
    profile = tempfile.mkdtemp(prefix="mkt-lo-profile-")
    pipe = f"mkt_recalc_{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    result = {}
    done = False
    try:
        context = connect(pipe, time.time() + 120)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        for path in paths:
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
            if doc is None:
                result[path] = {"__error__": "LibreOffice could not open the file"}
                continue
            try:
                doc.calculateAll()
                sheets = doc.getSheets()
                result[path] = {name: read_sheet(sheets.getByName(name)) for name in sheets.getElementNames()}
            finally:
                doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        done = True
    finally:
        try:
            office.wait(timeout=30 if done else 0.1)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.stderr.write("usage: recalc.py FILE.xlsx [FILE.xlsx ...]\n")
        sys.exit(2)
    main(sys.argv[1:])
