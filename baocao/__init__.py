"""baocao: Vietnamese People's Committee reports into verified, queryable data, and back."""

from baocao.native import use_fresh_build

use_fresh_build()  # the compiled core only while it matches its sources (see baocao/native.py)
