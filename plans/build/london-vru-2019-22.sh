#!/bin/sh
# Illustrative sample plan: London Violence Reduction Unit strategy (Mayor of London). The eight
# objectives along a child's journey through life are the workstreams; the pan-London work
# programme it prioritises for funding in its first year is the actions; the VRU's 2019-20 budget
# lines are the plan's funding lines. Statuses, commentary and milestone dates are invented. The
# performance framework carries the Serious Violence Duty's three national measures (under-25 focus)
# for London as a whole and one local indicator; their figures are illustrative, made up for this
# sample, and say so. The population is the 2021 Census figure for London.
. "$(dirname "$0")/common.sh"
out=${1:-plans/london-vru-2019-22.json}

by "VRU Programme Office"
at 2019-07-01T09:00:00Z
d new "$plan" --id london-vru-2019-22 --title "London Violence Reduction Unit: Work Programme" \
    --partnership "London Violence Reduction Unit Partnership Reference Group" --start 2019-04-01 --end 2022-03-31
d plan set "$plan" --description "Illustrative plan built from the London VRU strategy: a public health approach that follows a child's journey through life, from the home into the community, with a hyper-local, place-based focus." \
    --status-word complete=Blue --status-word not-started=Grey

i=1
for objective in "Supporting individuals to be more resilient" "Supporting stronger families" "Young people leading change" \
    "Enabling communities to be strong, safe and resilient" "Prioritising wellbeing and achievement in schools" \
    "Giving young people every chance to succeed" "Making London a more compassionate and safer city" \
    "Increasing confidence in public institutions and changing the message around violence"; do
    d workstream add "$plan" "$objective" --id "objective-$i"
    i=$((i + 1))
done

d owner add "$plan" "London Violence Reduction Unit" --id vru --role "Programme lead" --contact "City Hall"
d owner add "$plan" "Mayor's Office for Policing and Crime" --id mopac --role "Commissioner"
d owner add "$plan" "Greater London Authority" --id gla
d owner add "$plan" "London boroughs' Community Safety Partnerships" --id csps

d add "$plan" --group primary --title "Expand after-school provision in high-crime areas (4-7pm on weekdays)" \
    --owner vru --partner csps --workstream objective-5 --workstream objective-6 --start 2019-09-01 --due 2020-07-31 \
    --outcome "Fewer violent incidents involving 10-16 year olds at the end of the school day"
d add "$plan" --group primary --title "Support the transition from primary to secondary school" \
    --owner vru --workstream objective-5 --start 2019-09-01 --due 2020-09-30
d add "$plan" --group primary --title "Invest in London's youth workers: a co-produced training and development programme" \
    --owner vru --partner gla --workstream objective-6 --start 2019-10-01 --due 2021-03-31
d add "$plan" --group primary --title "Young Persons' Action Group to inform the Unit's work, with funding to act" \
    --owner vru --workstream objective-3 --start 2019-07-01 --due 2020-03-31
d add "$plan" --group secondary --title "Reduce school exclusions: an inclusion and nurturing programme" \
    --owner vru --partner mopac --workstream objective-5 --start 2019-09-01 --due 2021-07-31 \
    --outcome "Fewer young people excluded and missing from mainstream education"
d add "$plan" --group secondary --title "Extra support for young people affected by domestic violence" \
    --owner mopac --partner vru --partner "Coalition of women's groups" --new-partner --workstream objective-1 --workstream objective-2 \
    --start 2019-10-01 --due 2021-03-31
d add "$plan" --group secondary --title "Parenting programmes for parents concerned about their children" \
    --owner vru --partner csps --workstream objective-2 --start 2019-10-01 --due 2021-03-31
d add "$plan" --group tertiary --title "Pilot programmes in prisons and young offender institutions" \
    --owner vru --partner "HM Prison and Probation Service" --new-partner --workstream objective-6 --start 2020-01-01 --due 2021-03-31
d add "$plan" --group whole-system --title "Neighbourhood multi-agency action plans on violence and knife crime with local CSPs" \
    --owner csps --partner vru --workstream objective-4 --workstream objective-7 --start 2019-07-01 --due 2022-03-31
d add "$plan" --group whole-system --title "Invest in grassroots initiatives against knife crime in the areas most affected" \
    --owner vru --workstream objective-4 --start 2019-10-01 --due 2022-03-31
d add "$plan" --group whole-system --title "A clear, jargon-free message of hope about violence, carried by ambassadors" \
    --owner vru --partner gla --workstream objective-8 --start 2020-01-01 --due 2021-03-31

# The VRU's 2019-20 resources as the strategy states them.
d funding add "$plan" --source "Mayor of London (VRU budget)" --year 2019/20 --amount 6800000
d funding add "$plan" --source "Home Office (provisional award)" --year 2019/20 --amount 7000000
d funding add "$plan" --action SEC-01 --source "MOPAC safer schools funding" --year 2019/20 --amount 1000000

d milestone add "$plan" PRI-04 --title "Members recruited from across London" --due 2019-12-31
d milestone add "$plan" PRI-04 --title "First decisions on funding taken by the group" --due 2020-03-31
d milestone add "$plan" SEC-01 --title "Pilot schools chosen" --due 2019-12-31

# The performance framework: the national measures for London and one local indicator.
d plan set "$plan" --population 8799800
illustrative="Figures are illustrative, made up for this sample plan; they are not London's data."
d indicator add "$plan" --id hospital-knife-u25 --measure hospital-knife-u25 --unit count --better lower \
    --name "Hospital admissions for assault with a knife or sharp object, victims under 25, London" --source "Hospital Episode Statistics" \
    --description "Serious Violence Duty national success measure. $illustrative" --owner vru \
    --baseline 190 --baseline-period "2018/19 quarterly average" --target 160 --target-by "2021/22 Q4" --tolerance 10
d indicator add "$plan" --id police-knife-u25 --measure police-knife-u25 --unit count --better lower \
    --name "Knife or sharp-object-enabled serious violence recorded by the police, victims under 25, London" \
    --source "Metropolitan Police recorded crime" --description "Serious Violence Duty national success measure. $illustrative" \
    --owner mopac --baseline 1120 --baseline-period "2018/19 quarterly average" --target 950 --target-by "2021/22 Q4" --tolerance 10
d indicator add "$plan" --id homicide-u25 --measure homicide-u25 --unit count --better lower \
    --name "Homicides, victims under 25, London" --source "Metropolitan Police recorded crime" \
    --description "Serious Violence Duty national success measure. $illustrative" --owner mopac --suppress-below 5
d indicator add "$plan" --id after-school-places --unit count --better higher \
    --name "Young people attending VRU-funded after-school provision" --source "VRU grant monitoring returns" \
    --description "Local indicator: young people aged 10 to 16 attending at least one session in the quarter (higher is better). $illustrative" \
    --owner vru --action PRI-01 --target 4000 --target-by "2020/21 Q4"

# 2019/20 Q2, reviewed by the Partnership Reference Group.
at 2019-09-25T10:00:00Z
d set "$plan" PRI-01 --status green --comment "First boroughs chosen with the targeting tool; providers being commissioned."
d set "$plan" PRI-04 --status green --comment "Recruitment of the Young Persons' Action Group under way."
d set "$plan" WSA-01 --status amber --comment "Eleven boroughs have action plans; the rest are due by December."
d indicator record "$plan" hospital-knife-u25 --quarter "2019/20 Q1" --value 204
d indicator record "$plan" police-knife-u25 --quarter "2019/20 Q1" --value 1187
d indicator record "$plan" homicide-u25 --quarter "2019/20 Q1" --value 9
d indicator record "$plan" after-school-places --quarter "2019/20 Q1" --value 0 --note "Provision starts in September"
at 2019-10-14T15:00:00Z
d review close "$plan" "2019/20 Q2" --board "London VRU Partnership Reference Group"

# 2019/20 Q3.
at 2019-12-18T10:00:00Z
d milestone done "$plan" SEC-01 M1
d set "$plan" SEC-01 --status green --comment "Pilot schools chosen in five boroughs."
d set "$plan" PRI-04 --status amber --comment "Fewer applications than hoped from outer London; recruitment extended." \
    --due 2020-06-30 --reason "Recruitment extended to reach outer London"
d indicator record "$plan" hospital-knife-u25 --quarter "2019/20 Q2" --value 188 --provisional
d indicator record "$plan" police-knife-u25 --quarter "2019/20 Q2" --value 1095 --provisional
d indicator record "$plan" homicide-u25 --quarter "2019/20 Q2" --value 6
d indicator record "$plan" after-school-places --quarter "2019/20 Q2" --value 1450 --note "First providers open in six boroughs"
finish "$out"
