-- CS 3200 Homework 3
-- Noah Kim, 002195522
-- Non-SQL answers are in comments.

-- ===== Problem 1 =====
-- 1(a)  PROJECT[ename]( SELECT[city = 'Boston'](Employee) JOIN Department )   <- wrong, city is in Department
--       corrected:
--       PROJECT[ename]( Employee JOIN SELECT[city = 'Boston'](Department) )
-- 1(b)  PROJECT[eid, pid](WorksOn) DIVIDE PROJECT[pid]( SELECT[dept_id = 5](Project) )

-- ===== Problem 2 =====
-- 2(a)
SELECT e.ename, e.salary
FROM Employee AS e
INNER JOIN Department AS d ON e.dept_id = d.dept_id
WHERE d.dname = 'Research'
  AND e.salary > 60000
ORDER BY e.salary DESC;

-- 2(b)
SELECT d.dname COUNT(*) AS emp_count, AVG(e.salary) AS avg_salary
FROM Department AS d
INNER JOIN Employee AS e ON e.dept_id = d.dept_id
GROUP BY d.dept_id, d.dname
HAVING COUNT(*) >= 3;

-- 2(c)
SELECT e.ename
FROM Employee AS e
LEFT JOIN WorksOn AS w ON w.eid = e.eid
WHERE w.eid IS NULL;

-- 2(d)
SELECT e.ename, e.salary
FROM Employee AS e
INNER JOIN (SELECT dept_id, AVG(salary) AS dept_avg
            FROM Employee
            GROUP BY dept_id) AS da ON da.dept_id = e.dept_id
WHERE e.salary > da.dept_avg;

-- ===== Problem 3 =====
/* 3(a)
   {B}+   = {B} -> B->D -> {B,D}.  Stops.                        {B}+ = {B,D}
   {C,D}+ = {C,D} -> CD->E -> {C,D,E} -> E->A -> {A,C,D,E} -> A->BC -> {A,B,C,D,E}
   3(b)
   A+ = ABCDE, E+ = ABCDE  -> A, E are keys
   B+ = BD, C+ = C, D+ = D -> not keys
   BC+ = BC -> BCD -> BCDE -> ABCDE (key), CD+ = ABCDE (key), BD+ = BD
   candidate keys: A, E, BC, CD
*/

-- ===== Problem 4 =====
/* 4(a) key = {order_id, product_id}
   4(b) product_id -> product_name and warehouse -> warehouse_city: LHS is not a superkey -> BCNF violated.
   4(c) decompose on product_id -> product_name, then on warehouse -> warehouse_city:
        Product(product_id, product_name)
        Warehouse(warehouse, warehouse_city)
        Shipment2(order_id, product_id, quantity, warehouse)
        lossless join: yes.  dependency preserving: yes.
*/

-- ===== Problem 5 =====
/* 5(a) r2(A)/w1(A), r3(B)/w2(B), r2(C)/w3(C), w3(C)/r1(C)
   5(b) T2 -> T1, T3 -> T2, T2 -> T3
   5(c) not conflict serializable: cycle T2 -> T3 -> T2
*/

-- ===== Problem 6 =====
-- 6: A, C, E

-- ===== Problem 7 =====
/* 7: Dirty read = reading a row that another transaction changed but has not committed yet
      (it may still be rolled back). Prevented from READ COMMITTED upwards, so READ COMMITTED is the weakest level.
*/
