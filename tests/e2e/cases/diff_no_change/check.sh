[ "$(cat moved.csv)" = "id,old_stage,new_stage,old_score,new_score" ] || { echo "moved.csv should hold the header only"; exit 1; }
