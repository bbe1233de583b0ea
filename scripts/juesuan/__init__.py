"""juesuan: the Python side of the 部门决算公开 warehouse (code lists, exports, CLIs)."""
